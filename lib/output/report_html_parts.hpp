// Building blocks shared by the HTML report's files (internal to lib/output): escaped tables, status and
// attainment text, and the sections that list occasions, rep goals and data-quality findings.
#pragma once

#include "compliance/quota.hpp"
#include "core/sink.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace keqing::output::html {

// One table cell: text (escaped when rendered), an optional CSS class ("num", "status-missed" …) and the
// whole text shown on hover when the cell shows less of it (`title`).
struct Cell {
    std::string text;
    std::string cls;
    std::string title = {};
    Cell(std::string t, std::string c = "") : text(std::move(t)), cls(std::move(c)) {}
    Cell(const char* t) : text(t) {}
};

// The widest a name or team cell is, in display columns: longer ones are cut with … and keep their whole
// text on hover, so that no name wraps at 1280 px.
inline constexpr int kHtmlNameColumns = 24;
// A cell that never wraps (class "name"): `text` cut to kHtmlNameColumns, the whole of it in the title
// when cut.
Cell name(std::string_view text, std::string cls = "name");
// A column header: `text`, with `title` on hover ("拜访" for "visit 实地拜访").
Cell head(std::string text, std::string title);
// How many rows of a data-quality list print (every row shows on screen; CSV and JSON list them all).
inline constexpr size_t kPrintedRows = 20;

// A table with a caption and column headers; each row's first cell is its row header.
struct Table {
    std::string caption;
    std::vector<Cell> head;
    std::vector<std::vector<Cell>> rows;
};

// <table> with <caption>, <th scope="col"> headers and <th scope="row"> row headers; rows after the first
// `printed_rows` show on screen only.
std::string render(const Table& table, size_t printed_rows = SIZE_MAX);

// The same table written to `out` a row at a time, as render() lays it out: a list of hundreds of thousands
// of rows is never held whole. The head goes out with the first row (a numeric first row right-aligns its
// column headers), or at finish() when there is none.
class TableWriter {
  public:
    TableWriter(core::Sink& out, std::string caption, std::vector<Cell> head, size_t printed_rows = SIZE_MAX);
    TableWriter(const TableWriter&) = delete;
    TableWriter& operator=(const TableWriter&) = delete;
    void row(const std::vector<Cell>& cells);
    // Closes the table.
    void finish();

  private:
    void write_head(const std::vector<Cell>* first);
    core::Sink& out_;
    std::string caption_;
    std::vector<Cell> head_;
    size_t printed_rows_;
    size_t rows_ = 0;
};

// Reps' display names as rep_name() gives them, looked up by id (a list names a rep on every row).
class RepNames {
  public:
    explicit RepNames(const report::Report& report);
    std::string operator()(const std::string& rep) const;

  private:
    std::unordered_map<std::string_view, std::string> names_;
};
// A right-aligned number cell.
Cell num(int value);
// "75% (12/16)", or "—" when nothing was required.
Cell attainment(const report::Attainment& a);
// "met", "on track" … with a class that colors it.
Cell status(compliance::Status s);
// A channel's column header: its short label, its id and label on hover.
Cell channel_head(const rules::Rules& rules, const std::string& id);
// A rep's display name: "王强 (wang)", or the id alone.
std::string rep_name(const report::Report& report, const std::string& rep);

// Occasion obligations whose windows closed: kept and missed per kind, then the list to follow up, written
// to `out` row by row.
void occasions_section(core::Sink& out, const report::Report& report, const rules::Rules& rules);
// R9–R11 per rep and the R12–R17 visit checklist, for each month of the report, written to `out` a month
// at a time.
void goals_section(core::Sink& out, const report::Report& report);
// Follow-ups per rep (opened, closed, overdue, median days to close), the overdue ones and the complaints
// still open with their age (report_html_followups.cpp).
std::string followups_section(const report::Report& report, const rules::Rules& rules);
// Late-logged, duplicated and voided contacts and implausibly busy days.
std::string quality_section(const report::Report& report, const rules::Rules& rules);

} // namespace keqing::output::html
