// A YAML document as a compact tree, built from yaml-cpp's event stream in
// the one pass that also checks it: one document only (yaml-cpp's own
// loader silently ignores the rest) and not one whose aliases make a small
// file describe an enormous bulletin. It replaces yaml-cpp's node tree,
// which takes several times the file's size: here a node is 24 bytes and
// every scalar's text sits in one buffer.
//
// Contract: parse() returns the tree of the first document, or throws
// yaml::SecondDocument, yaml::TooLarge or yaml-cpp's ParserException (a
// syntax error), each with its mark. A Node reads like a YAML::Node (Type,
// IsMap, Scalar, Mark, size, iteration: elements of a sequence, pairs with
// .first/.second of a mapping) and lives as long as its tree. An alias is
// the node it names, shared, as in yaml-cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace bulletin::yaml {

struct SecondDocument {
    YAML::Mark mark;
};
struct TooLarge {
    YAML::Mark mark;
};

class Tree;

class Node {
public:
    Node() = default;  // undefined: what a missing key gives

    YAML::NodeType::value Type() const;
    bool IsDefined() const { return tree_ != nullptr; }
    bool IsNull() const { return Type() == YAML::NodeType::Null; }
    bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
    bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
    bool IsMap() const { return Type() == YAML::NodeType::Map; }
    std::string Scalar() const;  // empty unless a scalar
    YAML::Mark Mark() const;
    std::size_t size() const;  // elements of a sequence, pairs of a mapping
    // Element `i` of a sequence; undefined past its end or for anything else.
    Node operator[](std::size_t i) const;
    Node operator[](int i) const { return i < 0 ? Node() : (*this)[static_cast<std::size_t>(i)]; }

    struct Entry;
    class iterator;
    iterator begin() const;
    iterator end() const;

private:
    friend class Tree;
    Node(const Tree* tree, std::uint32_t id) : tree_(tree), id_(id) {}
    const Tree* tree_ = nullptr;
    std::uint32_t id_ = 0;
};

// What iterating yields: an element of a sequence (the Entry itself), or a
// pair of a mapping (first, second).
struct Node::Entry : Node {
    Node first, second;
};

class Node::iterator {
public:
    using value_type = Entry;
    Entry operator*() const;
    struct Arrow {
        Entry entry;
        const Entry* operator->() const { return &entry; }
    };
    Arrow operator->() const { return {**this}; }
    iterator& operator++() {
        at_ += step_;
        return *this;
    }
    bool operator==(const iterator& o) const { return at_ == o.at_; }
    bool operator!=(const iterator& o) const { return at_ != o.at_; }

private:
    friend class Node;
    const Tree* tree_ = nullptr;
    std::uint32_t at_ = 0;    // index into the tree's children
    std::uint32_t step_ = 1;  // 2 for a mapping's pairs
};

class Tree {
public:
    // The first document of `text` (which must outlive nothing: scalars are
    // copied into the tree). `max_expanded` bounds nodes plus text bytes
    // with every alias expanded.
    static Tree parse(std::string_view text, std::uint64_t max_expanded);

    Node root() const { return root_ ? Node(this, root_id_) : Node(); }

    Tree() = default;
    Tree(Tree&&) noexcept = default;
    Tree& operator=(Tree&&) noexcept = default;
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;

private:
    friend class Node;
    friend class Builder;
    struct Record {
        std::uint32_t pos = 0, line = 0, column = 0;  // the mark
        std::uint32_t a = 0, b = 0;  // scalar: offset, length in text_; collection: first child, count
        std::uint8_t type = YAML::NodeType::Null;
    };
    std::vector<Record> nodes_;
    std::vector<std::uint32_t> children_;  // a mapping's as key, value, key, value …
    std::string text_;                     // every scalar's text, one after the other
    bool root_ = false;
    std::uint32_t root_id_ = 0;
};

}  // namespace bulletin::yaml
