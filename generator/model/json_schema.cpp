#include "model/json_schema.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "model/input_keys.hpp"
#include "support/json_out.hpp"

namespace bulletin {

namespace {

using json::Value;

std::string definition_name(const KeyTable& t) {
    std::string name(t.name);
    std::replace(name.begin(), name.end(), ' ', '_');
    return name;
}

Value ref(const KeyTable& t) {
    Value v;
    v["$ref"] = "#/definitions/" + definition_name(t);
    return v;
}

Value types(std::initializer_list<const char*> names) {
    Value v;
    for (const char* n : names) v.push(n);
    return v;
}

// A scalar the loader reads as text: YAML may also write it as a number
// (reply_ref: 12) or a boolean.
void set_text(Value& v, bool nullable, bool not_blank, std::size_t max_chars = 0) {
    v["type"] = nullable ? types({"string", "number", "boolean", "null"}) : types({"string", "number", "boolean"});
    if (not_blank) v["pattern"] = "\\S";
    if (max_chars) v["maxLength"] = static_cast<long long>(max_chars);
}

Value text_value(bool nullable, bool not_blank) {
    Value v;
    set_text(v, nullable, not_blank);
    return v;
}

Value any_of(std::vector<Value> choices) {
    Value v;
    for (Value& c : choices) v["anyOf"].push(std::move(c));
    return v;
}

Value null_value() {
    Value v;
    v["type"] = "null";
    return v;
}

// null, "" or []: what the loader takes for a key not given.
Value empty_value() {
    Value blank, none;
    blank["const"] = "";
    none["type"] = "array";
    none["maxItems"] = 0;
    return any_of({null_value(), std::move(blank), std::move(none)});
}

// The schema of one key's value, its description first.
Value key_schema(const KeyDef& k) {
    const bool nullable = !k.required && !k.non_empty;
    Value v;
    v["description"] = k.doc;
    switch (k.shape) {
        case KeyShape::kText:
            set_text(v, nullable, k.required || k.not_blank, k.max_chars);
            for (std::string_view s : k.suggestions) v["examples"].push(s);
            break;
        case KeyShape::kInteger:
            v["type"] = nullable ? types({"integer", "null"}) : Value("integer");
            v["minimum"] = k.min;
            v["maximum"] = k.max;
            break;
        case KeyShape::kDate:
            v["type"] = nullable ? types({"string", "null"}) : Value("string");
            v["format"] = "date";
            v["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
            break;
        case KeyShape::kChoice:
            for (std::string_view c : k.choices) v["enum"].push(c);
            if (nullable) v["enum"].push(Value());
            break;
        case KeyShape::kTexts: {
            Value list;
            list["type"] = "array";
            list["items"] = text_value(false, true);
            std::vector<Value> forms{text_value(false, false), std::move(list)};
            if (nullable) forms.push_back(null_value());
            v["anyOf"] = any_of(std::move(forms))["anyOf"];
            break;
        }
        case KeyShape::kMapping: {
            std::vector<Value> forms{ref(*k.table)};
            if (k.also_text) forms.push_back(text_value(false, false));
            if (nullable) forms.push_back(null_value());
            const char* combine = forms.size() == 1 ? "allOf" : "anyOf";  // before forms is moved from
            v[combine] = any_of(std::move(forms))["anyOf"];
            break;
        }
        case KeyShape::kList: {
            Value list;
            list["type"] = "array";
            list["items"] = k.also_text ? any_of({ref(*k.table), text_value(false, true)}) : ref(*k.table);
            if (k.non_empty) list["minItems"] = 1;
            std::vector<Value> forms{std::move(list)};
            if (k.also_single) forms.push_back(ref(*k.table));
            if (k.also_text) forms.push_back(text_value(false, false));
            if (nullable) forms.push_back(null_value());
            if (forms.size() == 1) {
                v["type"] = forms[0]["type"];
                v["items"] = forms[0]["items"];
                if (k.non_empty) v["minItems"] = 1;
            } else {
                v["anyOf"] = any_of(std::move(forms))["anyOf"];
            }
            break;
        }
    }
    return v;
}

// A mapping of the table's keys and no others.
Value table_schema(const KeyTable& t) {
    Value v;
    v["description"] = t.doc;
    v["type"] = "object";
    Value& props = v["properties"] = Value::object();
    Value required;
    for (const KeyDef& k : t.keys) {
        props[k.name] = key_schema(k);
        if (k.required) required.push(k.name);
    }
    if (!required.is_null()) v["required"] = std::move(required);
    v["additionalProperties"] = false;
    Value rules;
    for (std::size_t i = 0; i < t.exclusive.size(); ++i)
        for (std::size_t j = i + 1; j < t.exclusive.size(); ++j) {
            Value both, rule;
            both["required"].push(t.exclusive[i]);
            both["required"].push(t.exclusive[j]);
            rule["not"] = std::move(both);
            rules.push(std::move(rule));
        }
    if (!t.one_needed.empty()) {
        Value needed;
        // Given, and not empty: the loader takes null, "" and [] as nothing.
        for (std::string_view key : t.one_needed) {
            Value r;
            r["required"].push(key);
            r["properties"][key]["not"] = empty_value();
            needed["anyOf"].push(std::move(r));
        }
        rules.push(std::move(needed));
    }
    if (!rules.is_null()) v["allOf"] = std::move(rules);
    return v;
}

// Every table reachable from `t`, each once, in the order first met.
void collect(const KeyTable& t, std::vector<const KeyTable*>& out, std::set<const KeyTable*>& seen) {
    if (!seen.insert(&t).second) return;
    out.push_back(&t);
    for (const KeyDef& k : t.keys)
        if (k.table) collect(*k.table, out, seen);
}

}  // namespace

std::string input_json_schema() {
    Value root;
    root["$schema"] = "http://json-schema.org/draft-07/schema#";
    root["title"] = "bulletin input";
    Value top = table_schema(input_keys::kFile);
    root["description"] = std::string(input_keys::kFile.doc) +
                          ". Printed by `bulletin schema` from the tables the program reads the file with.";
    for (const char* key : {"type", "properties", "required", "additionalProperties", "allOf"})
        if (const Value* v = top.find(key)) root[key] = *v;
    std::vector<const KeyTable*> tables;
    std::set<const KeyTable*> seen{&input_keys::kFile};
    for (const KeyDef& k : input_keys::kFile.keys)
        if (k.table) collect(*k.table, tables, seen);
    Value& defs = root["definitions"] = Value::object();
    for (const KeyTable* t : tables) defs[definition_name(*t)] = table_schema(*t);
    return root.dump();
}

}  // namespace bulletin
