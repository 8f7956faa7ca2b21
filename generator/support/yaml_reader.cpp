#include "support/yaml_reader.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "support/input_file.hpp"
#include "support/suggest.hpp"
#include "support/utf8.hpp"

namespace bulletin {

namespace {

// The most a file may describe once its aliases are expanded, counted as
// nodes plus the bytes of their text: twice the largest bulletin file. A
// generator's shared lists (PyYAML writes &id001 … *id001) stay far below
// it; nine levels of ten aliases each (a "billion laughs") do not.
constexpr std::uint64_t kMaxExpandedSize = 64u << 20;

}  // namespace

YamlFile::YamlFile(std::string text, Diagnostics& diags) : text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    try {
        // One pass over the events builds the tree and checks the stream:
        // one document only, and not one whose aliases make a small file
        // describe an enormous bulletin.
        tree_ = yaml::Tree::parse(text_, kMaxExpandedSize);
        parsed_ = true;
    } catch (const yaml::TooLarge& e) {
        diags.error(pos(e.mark), "the aliases (*name) of this file expand it beyond what a bulletin can be: "
                                 "write the values out instead");
    } catch (const yaml::SecondDocument& e) {
        diags.error(pos(e.mark), "a second YAML document starts here: a file holds one document; delete the '---' "
                                 "line and what follows, or merge them");
    } catch (const YAML::ParserException& e) {
        diags.error(pos(e.mark), fmt::format("YAML syntax: {}", e.msg));
    } catch (const YAML::Exception& e) {
        diags.error(pos(e.mark), fmt::format("YAML: {}", e.msg));
    }
}

SourcePos YamlFile::pos(const YAML::Mark& mark) const {
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= line_starts_.size()) return {};
    std::size_t start = line_starts_[static_cast<std::size_t>(mark.line)];
    std::size_t bytes = std::min<std::size_t>(static_cast<std::size_t>(std::max(mark.column, 0)),
                                              text_.size() - start);
    int column = static_cast<int>(utf8::length(std::string_view(text_).substr(start, bytes))) + 1;
    return {mark.line + 1, column};
}

SourcePos YamlFile::content_pos(const yaml::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (!node.IsScalar() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return {};
    const std::size_t at = static_cast<std::size_t>(mark.pos);
    const char first = text_[at];
    if (first == '|') {
        // A literal block: value line k is file line (indicator line + 1 + k),
        // indented as its first non-blank line.
        std::size_t line = static_cast<std::size_t>(mark.line) + 1;  // 0-based index of the first content line
        for (std::size_t l = line; l < line_starts_.size(); ++l) {
            std::size_t s = line_starts_[l];
            std::size_t e = l + 1 < line_starts_.size() ? line_starts_[l + 1] : text_.size();
            std::size_t indent = 0;
            while (s + indent < e && text_[s + indent] == ' ') ++indent;
            if (s + indent < e && text_[s + indent] != '\n' && text_[s + indent] != '\r')
                return {static_cast<int>(line) + 1, static_cast<int>(indent) + 1};
        }
        return {};
    }
    if (first == '>' || first == '"' || first == '\'') return {};  // folded or quoted: no 1:1 mapping
    if (node.Scalar().find('\n') != std::string::npos) return {};   // a plain scalar over several lines
    return pos(mark);
}

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags, std::uint64_t limit,
                                          Encoding encoding, std::string_view hint) {
    std::string error;
    auto bytes = read_input_file(path, limit, error);
    if (!bytes) {
        diags.error({}, "it " + error);
        return std::nullopt;
    }
    return decode_text(std::move(*bytes), encoding, diags, hint);
}

bool check_label(const Text& t, std::string_view what, Diagnostics& diags) {
    if (utf8::length(t.value) <= kMaxLabelChars) return true;
    diags.error(t.pos, fmt::format("{} is longer than the {} characters it may have (it is repeated on every item "
                                   "or page)",
                                   what, kMaxLabelChars));
    return false;
}

std::string_view node_kind(const yaml::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Scalar: return "text";
        case YAML::NodeType::Null: return "nothing";
        default: return "nothing";
    }
}

Text scalar_text(const yaml::Node& node, SourcePos fallback, const YamlFile& file, Diagnostics& diags,
                 std::string_view what) {
    SourcePos at = node.IsNull() ? fallback : file.pos(node);
    if (!at.known()) at = fallback;
    if (node.IsScalar()) {
        // Control characters (from "\x01"-style escapes) cannot be printed
        // and are not allowed in the XML of a DOCX.
        for (char32_t c : utf8::decode(node.Scalar()))
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
                diags.error(at, fmt::format("{} contains the control character {}, which cannot be printed", what,
                                            utf8::codepoint_name(c)));
                break;
            }
        return {node.Scalar(), at, file.content_pos(node)};
    }
    if (!node.IsNull()) diags.error(at, fmt::format("{} must be text, got {}", what, node_kind(node)));
    return {{}, at, {}};
}

MapReader::MapReader(const yaml::Node& node, SourcePos where, const YamlFile& file, Diagnostics& diags,
                     std::string what)
    : file_(file), diags_(diags), what_(std::move(what)), where_(where) {
    if (!node.IsDefined() || node.IsNull()) return;
    if (!node.IsMap()) {
        diags_.error(file_.pos(node), fmt::format("{} must be a mapping (key: value lines), got {}", what_,
                                                  node_kind(node)));
        return;
    }
    is_map_ = true;
    if (auto p = file_.pos(node); p.known()) where_ = p;
    for (auto it = node.begin(); it != node.end(); ++it) {
        yaml::Node k = it->first;  // a copy: the iterator hands out a temporary
        if (!k.IsScalar()) {
            diags_.error(file_.pos(k), fmt::format("a key in {} must be a plain word", what_));
            continue;
        }
        if (const Entry* prev = find(k.Scalar())) {
            diags_.error(file_.pos(k), fmt::format("duplicate key '{}' in {} (first given at line {})",
                                                   k.Scalar(), what_, file_.pos(prev->key_node).line));
            continue;
        }
        index_.emplace(k.Scalar(), entries_.size());
        entries_.push_back({k.Scalar(), k, it->second, false});
    }
}

MapReader::MapReader(const yaml::Node& node, SourcePos where, const YamlFile& file, Diagnostics& diags,
                     const KeyTable& table)
    : MapReader(node, where, file, diags, std::string(table.name)) {
    table_ = &table;
}

MapReader::~MapReader() { finish(); }

const KeyDef* MapReader::def(std::string_view key) const {
    if (!table_) return nullptr;
    if (const KeyDef* d = table_->find(key)) return d;
    throw std::logic_error(fmt::format("the loader reads '{}' in {}, which its key table lacks", key, what_));
}

const MapReader::Entry* MapReader::find(std::string_view key) const {
    auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : &entries_[it->second];
}

MapReader::Entry* MapReader::find(std::string_view key) {
    return const_cast<Entry*>(static_cast<const MapReader*>(this)->find(key));
}

yaml::Node MapReader::node(std::string_view key) {
    def(key);
    if (asked_set_.emplace(key).second) asked_.emplace_back(key);
    Entry* e = find(key);
    if (!e) return yaml::Node();
    e->used = true;
    return e->value;
}

bool MapReader::has(std::string_view key) {
    yaml::Node n = node(key);
    return n.IsDefined() && !n.IsNull();
}

SourcePos MapReader::key_pos(std::string_view key) const {
    const Entry* e = find(key);
    return e ? file_.pos(e->key_node) : where_;
}

SourcePos MapReader::value_pos(std::string_view key) const {
    const Entry* e = find(key);
    if (!e) return where_;
    // yaml-cpp marks a null value at the next token; the key is a better place.
    if (e->value.IsNull()) return file_.pos(e->key_node);
    return file_.pos(e->value);
}

Text MapReader::text(std::string_view key, bool required) {
    const KeyDef* d = def(key);
    if (d) required = required || d->required;
    yaml::Node n = node(key);
    if (!n.IsDefined()) {
        if (required && is_map_)
            diags_.error(where_, fmt::format("missing required key '{}' in {}", key, what_));
        else if (required)
            diags_.error(where_, fmt::format("{} needs '{}'", what_, key));
        return {{}, where_, {}};
    }
    Text t = scalar_text(n, value_pos(key), file_, diags_, fmt::format("'{}' in {}", key, what_));
    const bool not_blank = required || (d && d->not_blank);
    if (not_blank && utf8::trim(t.value).empty() && (n.IsNull() || n.IsScalar()))
        diags_.error(value_pos(key), fmt::format("empty '{}' in {}", key, what_));
    if (d && d->max_chars && utf8::length(t.value) > d->max_chars)
        check_label(t, fmt::format("'{}' in {}", key, what_), diags_);
    return t;
}

Text MapReader::choice(std::string_view key) {
    const KeyDef* d = def(key);
    Text t = text(key);
    if (t.empty() || !d) return t;
    for (std::string_view c : d->choices)
        if (t.value == c) return t;
    std::string list;
    for (std::size_t i = 0; i < d->choices.size(); ++i)
        list += fmt::format("{}{}", i == 0 ? "" : i + 1 == d->choices.size() ? " or " : ", ", d->choices[i]);
    diags_.error(t.pos, fmt::format("'{}' must be {}, got '{}'", key, list, t.value));
    return t;
}

Text MapReader::date(std::string_view key) {
    Text t = text(key);
    if (t.empty()) return t;
    unsigned y = 0, mo = 0, d = 0;
    char tail = 0;
    const bool shaped =
        std::sscanf(t.value.c_str(), "%4u-%2u-%2u%c", &y, &mo, &d, &tail) == 3 && t.value.size() == 10;
    const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)), std::chrono::month(mo),
                                          std::chrono::day(d)};
    if (!shaped || !ymd.ok())
        diags_.error(t.pos, fmt::format("'{}' must be a date written YYYY-MM-DD, got '{}'", key, t.value));
    return t;
}

std::vector<Text> MapReader::texts(std::string_view key) {
    yaml::Node n = node(key);
    std::vector<Text> out;
    if (!n.IsDefined() || n.IsNull()) return out;
    if (n.IsScalar()) {
        out.push_back(scalar_text(n, value_pos(key), file_, diags_, fmt::format("'{}' in {}", key, what_)));
        return out;
    }
    if (!n.IsSequence()) {
        diags_.error(value_pos(key), fmt::format("'{}' in {} must be text or a list of texts, got {}", key,
                                                 what_, node_kind(n)));
        return out;
    }
    for (const auto& el : n) {
        Text t = scalar_text(el, value_pos(key), file_, diags_, fmt::format("an entry of '{}'", key));
        if (el.IsScalar() && utf8::trim(t.value).empty())
            diags_.error(t.pos, fmt::format("empty entry in '{}' of {}", key, what_));
        else if (el.IsNull())
            diags_.error(t.pos, fmt::format("empty entry in '{}' of {}", key, what_));
        if (!t.value.empty()) out.push_back(std::move(t));
    }
    return out;
}

std::optional<Located<long long>> MapReader::integer(std::string_view key, long long min, long long max) {
    yaml::Node n = node(key);
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    SourcePos at = value_pos(key);
    if (!n.IsScalar()) {
        diags_.error(at, fmt::format("'{}' in {} must be a whole number, got {}", key, what_, node_kind(n)));
        return std::nullopt;
    }
    const std::string& s = n.Scalar();
    long long v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) {
        diags_.error(at, fmt::format("'{}' in {} must be a whole number, got '{}'", key, what_, s));
        return std::nullopt;
    }
    if (v < min || v > max) {
        diags_.error(at, fmt::format("'{}' in {} must be between {} and {}, got {}", key, what_, min, max, v));
        return std::nullopt;
    }
    return Located<long long>{v, at};
}

std::optional<Located<long long>> MapReader::integer(std::string_view key) {
    const KeyDef* d = def(key);
    if (!d) throw std::logic_error(fmt::format("integer('{}') without limits outside a key table", key));
    return integer(key, d->min, d->max);
}

std::optional<Located<double>> MapReader::number(std::string_view key) {
    yaml::Node n = node(key);
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    SourcePos at = value_pos(key);
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(YAML::Node(n.Scalar()), v)) {
        diags_.error(at, fmt::format("'{}' in {} must be a number", key, what_));
        return std::nullopt;
    }
    return Located<double>{v, at};
}

std::optional<Located<bool>> MapReader::boolean(std::string_view key) {
    yaml::Node n = node(key);
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    SourcePos at = value_pos(key);
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(YAML::Node(n.Scalar()), v)) {
        diags_.error(at, fmt::format("'{}' in {} must be true or false", key, what_));
        return std::nullopt;
    }
    return Located<bool>{v, at};
}

void MapReader::reject(std::string_view key, std::string_view message) {
    Entry* e = find(key);
    if (!e) return;
    e->used = true;
    diags_.error(file_.pos(e->key_node), std::string(message));
}

void MapReader::finish() {
    if (finished_) return;
    finished_ = true;
    std::vector<std::string> known = asked_;
    if (table_) {
        known.clear();
        for (const KeyDef& k : table_->keys) known.emplace_back(k.name);
    }
    for (const auto& e : entries_) {
        if (e.used) continue;
        if (diags_.full()) break;  // a file of a million unknown keys is not read to the end
        if (table_ && table_->find(e.key)) {
            // Never dropped in silence: a key the table has but the loader skipped.
            diags_.error(file_.pos(e.key_node),
                         fmt::format("internal error: '{}' in {} was not read; please report this", e.key, what_));
            continue;
        }
        std::string msg = fmt::format("unknown key '{}' in {}", e.key, what_);
        if (auto s = closest(e.key, known)) msg += fmt::format("; did you mean '{}'?", *s);
        diags_.error(file_.pos(e.key_node), std::move(msg));
    }
}

}  // namespace bulletin
