// Building blocks shared by the HTML report's files (internal to lib/output): escaped tables, status and
// attainment text, and the sections that list occasions, rep goals and data-quality findings.
#pragma once

#include "compliance/quota.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"

#include <string>
#include <vector>

namespace keqing::output::html {

// One table cell: text (escaped when rendered) and an optional CSS class ("num", "status-missed" …).
struct Cell {
    std::string text;
    std::string cls;
    Cell(std::string t, std::string c = "") : text(std::move(t)), cls(std::move(c)) {}
    Cell(const char* t) : text(t) {}
};

// A table with a caption and column headers; each row's first cell is its row header.
struct Table {
    std::string caption;
    std::vector<Cell> head;
    std::vector<std::vector<Cell>> rows;
};

// <table> with <caption>, <th scope="col"> headers and <th scope="row"> row headers.
std::string render(const Table& table);
// A right-aligned number cell.
Cell num(int value);
// "75% (12/16)", or "—" when nothing was required.
Cell attainment(const report::Attainment& a);
// "met", "on track" … with a class that colors it.
Cell status(compliance::Status s);
// A rep's display name: "王强 (wang)", or the id alone.
std::string rep_name(const report::Report& report, const std::string& rep);

// Occasion obligations whose windows closed: kept and missed per kind, then the list to follow up.
std::string occasions_section(const report::Report& report, const rules::Rules& rules);
// R9–R11 per rep and the R12–R17 visit checklist, for each month of the report.
std::string goals_section(const report::Report& report);
// Late-logged, duplicated and voided contacts and implausibly busy days.
std::string quality_section(const report::Report& report, const rules::Rules& rules);

} // namespace keqing::output::html
