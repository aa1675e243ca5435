// What machines read (JSON, CSV, xlsx keys) is English whatever the reader's language: a scope in which
// core::tr() gives the English text, so a message shared by a table and a JSON field stays stable in JSON.
#pragma once

#include "core/i18n.hpp"

namespace keqing::output {

class InEnglish {
  public:
    InEnglish() : was_(core::language()) {
        if (was_ != core::Language::english) core::set_language("en");
    }
    ~InEnglish() {
        if (was_ != core::Language::english) core::set_language("zh");
    }
    InEnglish(const InEnglish&) = delete;
    InEnglish& operator=(const InEnglish&) = delete;

  private:
    core::Language was_;
};

} // namespace keqing::output
