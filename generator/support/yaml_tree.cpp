#include "support/yaml_tree.hpp"

#include <algorithm>
#include <istream>
#include <limits>
#include <map>
#include <stdexcept>
#include <streambuf>

namespace bulletin::yaml {

namespace {

// The text as a stream for yaml-cpp, read where it is (std::istringstream
// would copy it, and a bulletin may be tens of megabytes).
class MemoryStream : private std::streambuf, public std::istream {
public:
    explicit MemoryStream(std::string_view text) : std::istream(this) {
        char* begin = const_cast<char*>(text.data());  // only ever read
        setg(begin, begin, begin + text.size());
    }
};

std::uint32_t narrow(std::size_t v) {
    if (v > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("YAML document too large");
    return static_cast<std::uint32_t>(v);
}

}  // namespace

// Turns the events of the first document into the tree; counts documents
// and the size with every alias expanded.
class Builder : public YAML::EventHandler {
public:
    Builder(Tree& tree, std::uint64_t max_expanded) : tree_(tree), max_(max_expanded) {}
    int documents = 0;

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents == 2) throw SecondDocument{mark};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        leaf(add_node(mark, YAML::NodeType::Null), mark, anchor, 1);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) throw YAML::ParserException(mark, "the alias names no anchor");
        grow(mark, it->second.size);
        child(it->second.id);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        const std::uint32_t id = add_node(mark, YAML::NodeType::Scalar);
        Tree::Record& r = tree_.nodes_[id];
        r.a = narrow(tree_.text_.size());
        r.b = narrow(value.size());
        tree_.text_ += value;
        leaf(id, mark, anchor, 1 + value.size());
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor, YAML::NodeType::Sequence);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor, YAML::NodeType::Map);
    }
    void OnMapEnd() override { close(); }

private:
    struct Anchored {
        std::uint32_t id;
        std::uint64_t size;
    };
    struct Open {
        std::uint32_t id;
        YAML::anchor_t anchor;
        std::uint64_t start;      // expanded size before it
        std::size_t first_child;  // in scratch_
    };

    std::uint32_t add_node(const YAML::Mark& mark, YAML::NodeType::value type) {
        Tree::Record r;
        r.pos = narrow(static_cast<std::size_t>(std::max(mark.pos, 0)));
        r.line = narrow(static_cast<std::size_t>(std::max(mark.line, 0)));
        r.column = narrow(static_cast<std::size_t>(std::max(mark.column, 0)));
        r.type = static_cast<std::uint8_t>(type);
        tree_.nodes_.push_back(r);
        return narrow(tree_.nodes_.size() - 1);
    }
    // A finished node goes into the collection being read, or is the root.
    void child(std::uint32_t id) {
        if (open_.empty()) {
            if (!tree_.root_) {
                tree_.root_ = true;
                tree_.root_id_ = id;
            }
            return;
        }
        scratch_.push_back(id);
    }
    void grow(const YAML::Mark& mark, std::uint64_t size) {
        expanded_ += std::min(size, max_ + 1);
        if (expanded_ > max_) throw TooLarge{mark};
    }
    void leaf(std::uint32_t id, const YAML::Mark& mark, YAML::anchor_t anchor, std::uint64_t size) {
        grow(mark, size);
        if (anchor) anchors_[anchor] = {id, size};
        child(id);
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor, YAML::NodeType::value type) {
        grow(mark, 1);
        open_.push_back({add_node(mark, type), anchor, expanded_ - 1, scratch_.size()});
    }
    void close() {
        if (open_.empty()) return;
        const Open o = open_.back();
        open_.pop_back();
        Tree::Record& r = tree_.nodes_[o.id];
        const std::size_t n = scratch_.size() - o.first_child;
        r.a = narrow(tree_.children_.size());
        r.b = narrow(r.type == YAML::NodeType::Map ? n / 2 : n);
        tree_.children_.insert(tree_.children_.end(), scratch_.begin() + static_cast<long>(o.first_child),
                               scratch_.end());
        scratch_.resize(o.first_child);
        if (o.anchor) anchors_[o.anchor] = {o.id, expanded_ - o.start};
        child(o.id);
    }

    Tree& tree_;
    std::uint64_t max_;
    std::uint64_t expanded_ = 0;
    std::vector<Open> open_;
    std::vector<std::uint32_t> scratch_;  // children of the open collections, innermost last
    std::map<YAML::anchor_t, Anchored> anchors_;
};

Tree Tree::parse(std::string_view text, std::uint64_t max_expanded) {
    Tree tree;
    tree.text_.reserve(text.size());  // scalars take about what they take in the file
    MemoryStream in(text);
    YAML::Parser parser(in);
    Builder builder(tree, max_expanded);
    // The first document, then whether another one starts.
    if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
    return tree;  // not shrunk to fit: that would copy each buffer once more at the peak
}

YAML::NodeType::value Node::Type() const {
    if (!tree_) return YAML::NodeType::Undefined;
    return static_cast<YAML::NodeType::value>(tree_->nodes_[id_].type);
}

std::string Node::Scalar() const {
    if (!IsScalar()) return {};
    const Tree::Record& r = tree_->nodes_[id_];
    return tree_->text_.substr(r.a, r.b);
}

YAML::Mark Node::Mark() const {
    YAML::Mark m = YAML::Mark::null_mark();
    if (!tree_) return m;
    const Tree::Record& r = tree_->nodes_[id_];
    m.pos = static_cast<int>(r.pos);
    m.line = static_cast<int>(r.line);
    m.column = static_cast<int>(r.column);
    return m;
}

std::size_t Node::size() const {
    if (!IsSequence() && !IsMap()) return 0;
    return tree_->nodes_[id_].b;
}

Node Node::operator[](std::size_t i) const {
    if (!IsSequence() || i >= size()) return {};
    return Node(tree_, tree_->children_[tree_->nodes_[id_].a + i]);
}

Node::iterator Node::begin() const {
    iterator it;
    if (!IsSequence() && !IsMap()) return it;
    it.tree_ = tree_;
    it.at_ = tree_->nodes_[id_].a;
    it.step_ = IsMap() ? 2 : 1;
    return it;
}

Node::iterator Node::end() const {
    iterator it = begin();
    if (it.tree_) it.at_ += static_cast<std::uint32_t>(size()) * it.step_;
    return it;
}

Node::Entry Node::iterator::operator*() const {
    Entry e;
    if (step_ == 2) {
        e.first = Node(tree_, tree_->children_[at_]);
        e.second = Node(tree_, tree_->children_[at_ + 1]);
    } else {
        static_cast<Node&>(e) = Node(tree_, tree_->children_[at_]);
    }
    return e;
}

}  // namespace bulletin::yaml
