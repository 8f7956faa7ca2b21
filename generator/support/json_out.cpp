#include "support/json_out.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace bulletin::json {

Value& Value::operator[](std::string_view key) {
    if (is_null()) v_ = Object{};
    auto* obj = std::get_if<Object>(&v_);
    if (!obj) throw std::logic_error("json: [key] on a value that is not an object");
    for (auto& [k, v] : *obj)
        if (k == key) return v;
    obj->emplace_back(std::string(key), Value());
    return obj->back().second;
}

const Value* Value::find(std::string_view key) const {
    if (const auto* obj = std::get_if<Object>(&v_))
        for (const auto& [k, v] : *obj)
            if (k == key) return &v;
    return nullptr;
}

void Value::push(Value v) {
    if (is_null()) v_ = Array{};
    auto* arr = std::get_if<Array>(&v_);
    if (!arr) throw std::logic_error("json: push on a value that is not an array");
    arr->push_back(std::move(v));
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
                else out += c;
        }
    }
    return out + "\"";
}

void Value::write(std::string& out, int depth) const {
    const std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string close(static_cast<std::size_t>(depth) * 2, ' ');
    if (is_null()) out += "null";
    else if (auto* b = std::get_if<bool>(&v_)) out += *b ? "true" : "false";
    else if (auto* n = std::get_if<long long>(&v_)) out += std::to_string(*n);
    else if (auto* s = std::get_if<std::string>(&v_)) out += quoted(*s);
    else if (auto* a = std::get_if<Array>(&v_)) {
        // Arrays of scalars on one line: ["A", "B"], ["title"].
        bool flat = true;
        for (const Value& el : *a)
            flat = flat && !std::holds_alternative<Array>(el.v_) && !std::holds_alternative<Object>(el.v_);
        out += "[";
        for (std::size_t i = 0; i < a->size(); ++i) {
            out += i ? (flat ? ", " : ",\n" + pad) : (flat ? "" : "\n" + pad);
            (*a)[i].write(out, depth + 1);
        }
        out += flat || a->empty() ? "]" : "\n" + close + "]";
    } else if (auto* o = std::get_if<Object>(&v_)) {
        if (o->empty()) {
            out += "{}";
            return;
        }
        out += "{";
        for (std::size_t i = 0; i < o->size(); ++i) {
            out += (i ? ",\n" : "\n") + pad + quoted((*o)[i].first) + ": ";
            (*o)[i].second.write(out, depth + 1);
        }
        out += "\n" + close + "}";
    }
}

std::string Value::dump() const {
    std::string out;
    write(out, 0);
    return out + "\n";
}

}  // namespace bulletin::json
