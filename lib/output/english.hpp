// What machines read (JSON, CSV, xlsx keys) is English whatever the reader's language: a scope in which
// core::tr() gives the English text, so a message shared by a table and a JSON field stays stable in JSON.
#pragma once

#include "core/i18n.hpp"

namespace keqing::output {

class InEnglish {
  public:
    // `active` false: a scope that changes nothing (a table, in the reader's language).
    explicit InEnglish(bool active = true)
        : switched_(active && core::language() != core::Language::english) {
        if (switched_) core::set_language("en");
    }
    ~InEnglish() {
        if (switched_) core::set_language("zh");
    }
    InEnglish(const InEnglish&) = delete;
    InEnglish& operator=(const InEnglish&) = delete;

  private:
    bool switched_;
};

} // namespace keqing::output
