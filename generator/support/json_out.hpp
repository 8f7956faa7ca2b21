// JSON built as a small tree and printed indented (for `bulletin schema`).
// Objects keep their keys in the order they were set, so the output reads
// like the tables it comes from. Strings are UTF-8 and printed as such,
// with only what JSON requires escaped.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bulletin::json {

class Value {
public:
    using Array = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>;

    Value() = default;  // null
    Value(bool b) : v_(b) {}                              // NOLINT: a JSON literal
    Value(long long n) : v_(n) {}                         // NOLINT
    Value(int n) : v_(static_cast<long long>(n)) {}       // NOLINT
    Value(std::string s) : v_(std::move(s)) {}            // NOLINT
    Value(std::string_view s) : v_(std::string(s)) {}     // NOLINT
    Value(const char* s) : v_(std::string(s)) {}          // NOLINT
    Value(Array a) : v_(std::move(a)) {}                  // NOLINT

    static Value object() { Value v; v.v_ = Object{}; return v; }

    // Objects: sets `key` (replacing an earlier value of it) and returns it.
    Value& operator[](std::string_view key);
    // Objects: the value of `key`, or nullptr.
    const Value* find(std::string_view key) const;
    // Arrays (a null value becomes one): appends.
    void push(Value v);
    bool is_null() const { return std::holds_alternative<std::monostate>(v_); }

    // Two spaces per level, a newline at the end.
    std::string dump() const;

private:
    void write(std::string& out, int depth) const;
    std::variant<std::monostate, bool, long long, std::string, Array, Object> v_;
};

// `s` as a JSON string literal, quotes included.
std::string quoted(std::string_view s);

}  // namespace bulletin::json
