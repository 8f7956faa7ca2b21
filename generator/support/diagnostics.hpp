// Problems found in an input file, reported all at once in GNU form:
//   FILE:LINE:COLUMN: error: MESSAGE
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace bulletin {

// 1-based line and column (column counts characters, not bytes); 0 = unknown.
struct SourcePos {
    int line = 0;
    int column = 0;
    bool known() const { return line > 0; }
    auto operator<=>(const SourcePos&) const = default;
};

struct Diagnostic {
    std::string file;
    SourcePos pos;
    std::string message;
};

// Formats one diagnostic as FILE:LINE:COLUMN: error: MESSAGE.
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    // Adds a problem; the same one twice is kept once. After
    // kMaxDiagnostics problems the rest are dropped (and sorted() says so).
    void error(SourcePos pos, std::string message);
    bool ok() const { return list_.empty(); }
    bool full() const { return list_.size() >= kMaxDiagnostics; }
    static constexpr std::size_t kMaxDiagnostics = 1000;
    const std::vector<Diagnostic>& list() const { return list_; }
    const std::string& file() const { return file_; }

    // By position (stable for equal positions).
    std::vector<Diagnostic> sorted() const;
    // Sorted by position, one per line.
    void print(std::ostream& out) const;

private:
    std::string file_;
    std::vector<Diagnostic> list_;
    std::unordered_set<std::string> seen_;  // position + message, for the duplicates
};

// Thrown when a later stage finds the input at fault (e.g. a character no
// font has); carries ready-made diagnostics so the CLI reports them alike.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace bulletin
