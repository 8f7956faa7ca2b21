#include "model/load.hpp"

#include <cstdint>

#include <sys/stat.h>

#include <fmt/format.h>

#include <filesystem>

#include "model/input_keys.hpp"
#include "support/image_file.hpp"
#include "support/input_file.hpp"
#include "support/utf8.hpp"
#include "support/yaml_reader.hpp"

namespace bulletin {

const std::vector<std::string>& label_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> names;
        for (const KeyDef& k : input_keys::kLabels.keys) names.emplace_back(k.name);
        return names;
    }();
    return keys;
}

void for_each_text(const Bulletin& b, const std::function<void(const Text&, const std::string&)>& visit) {
    const Meta& m = b.meta;
    for (auto [t, name] : {std::pair{&m.title, "title"}, {&m.subtitle, "subtitle"}, {&m.kicker, "kicker"},
                           {&m.issuer, "issuer"}, {&m.session, "session"}, {&m.column.name, "column"},
                           {&m.byline.reporter, "byline"}, {&m.byline.photographer, "byline"}, {&m.byline.text, "byline"}})
        visit(*t, std::string("bulletin.") + name);
    for (const auto& [key, t] : m.labels) visit(t, "bulletin.labels." + key);
    visit(b.intro, "intro");
    std::function<void(const Item&, const std::string&)> item = [&](const Item& it, const std::string& where) {
        for (auto [t, name] : {std::pair{&it.title, "title"}, {&it.progress, "progress"},
                               {&it.next_steps, "next_steps"}, {&it.note, "note"}, {&it.reply_ref, "reply_ref"},
                               {&it.satisfaction, "satisfaction"}})
            visit(*t, where + ", " + name);
        for (auto [list, name] : {std::pair{&it.proposers, "proposers"}, {&it.supervisors, "supervisors"},
                                  {&it.hosts, "hosts"}, {&it.cohosts, "cohosts"}, {&it.seconders, "seconders"}})
            for (const Text& t : *list) visit(t, where + ", " + name);
        for (const Leader& l : it.leaders) {
            visit(l.name, where + ", leaders");
            visit(l.position, where + ", leaders");
        }
        for (const Item& rel : it.related) item(rel, where + ", related");
        for (const ImageRef& img : it.images) visit(img.caption, where + ", image caption");
    };
    for (const Group& g : b.groups) {
        visit(g.title, "group title");
        visit(g.label, "group label");
        for (const Item& it : g.items) item(it, "item " + std::to_string(it.display_seq));
    }
    std::function<void(const Section&)> section = [&](const Section& s) {
        visit(s.title, "section title");
        visit(s.body, "section body");
        for (const Section& sub : s.sections) section(sub);
    };
    for (const Section& s : b.sections) section(s);
    visit(b.closing, "closing");
}

std::size_t Bulletin::item_count() const {
    std::size_t n = 0;
    for (const auto& g : groups) n += g.items.size();
    return n;
}

namespace {

constexpr int kMaxSectionDepth = 4;

// Reads one file's worth of YAML into a Bulletin; collects every problem.
class Loader {
public:
    Loader(const YamlFile& file, Diagnostics& diags, std::string base_dir)
        : file_(file), diags_(diags), base_dir_(std::move(base_dir)) {}

    Bulletin load() {
        Bulletin b;
        b.file = diags_.file();
        const yaml::Node& root = file_.root();
        if (!root.IsDefined() || root.IsNull()) {
            diags_.error({1, 1}, "the file is empty: it needs at least 'bulletin:' with a title, and items");
            return b;
        }
        MapReader top(root, {1, 1}, file_, diags_, input_keys::kFile);
        if (!top.is_map()) return b;

        if (!top.has("bulletin"))
            diags_.error(top.where(), "missing required key 'bulletin' (the title and other metadata)");
        b.meta = read_meta(top.node("bulletin"), top.key_pos("bulletin"));
        b.intro = top.text("intro");
        b.closing = top.text("closing");
        check_inline_marks(b.intro, "intro");
        check_inline_marks(b.closing, "closing");

        // Given at all: `items:` with nothing under it is an empty list, not no key.
        bool has_groups = top.node("groups").IsDefined();
        bool has_items = top.node("items").IsDefined();
        if (has_groups && has_items)
            diags_.error(top.key_pos("items"),
                         "give either 'groups' (each with its items) or 'items', not both");
        if (has_groups) b.groups = read_groups(top.node("groups"), top.value_pos("groups"));
        else if (has_items) {
            Group g;
            g.implicit = true;
            g.pos = top.value_pos("items");
            g.items = read_items(top.node("items"), top.value_pos("items"), "items");
            b.groups.push_back(std::move(g));
        }
        b.sections = read_sections(top.node("sections"), top.value_pos("sections"), 1);

        // Empty `items:`/`groups:` lists are reported where they are read.
        if (!has_groups && !has_items && b.sections.empty())
            diags_.error(top.where(), "no items: a bulletin needs at least one item (under 'items:' or "
                                      "'groups:'), or 'sections:' for a report without items");
        top.finish();
        number_items(b);
        return b;
    }

private:
    Meta read_meta(const yaml::Node& node, SourcePos where) {
        Meta m;
        m.pos = where;
        MapReader r(node, where, file_, diags_, input_keys::kMeta);
        if (!r.is_map()) {
            if (node.IsDefined() && node.IsNull())
                diags_.error(where, "'bulletin' is empty: it needs at least a title");
            return m;
        }
        m.pos = r.where();
        m.title = r.text("title");
        m.subtitle = r.text("subtitle");
        m.kicker = r.text("kicker");
        m.issuer = r.text("issuer");
        m.session = r.text("session");
        m.year = r.integer("year");
        m.date = r.date("date");
        read_column(r, m);
        read_byline(r, m);
        m.layout = r.text("layout");
        m.summary = r.choice("summary").value == "auto";
        read_labels(r, m);
        r.finish();
        return m;
    }

    void read_column(MapReader& r, Meta& m) {
        yaml::Node n = r.node("column");
        if (!n.IsDefined() || n.IsNull()) return;
        if (n.IsScalar()) {
            m.column.name = scalar_text(n, r.value_pos("column"), file_, diags_, "'column'");
            check_label(m.column.name, "'column'", diags_);
            return;
        }
        MapReader c(n, r.value_pos("column"), file_, diags_, input_keys::kColumn);
        if (!c.is_map()) return;
        m.column.name = c.text("name");
        m.column.latin = c.text("latin");
    }

    void read_byline(MapReader& r, Meta& m) {
        yaml::Node n = r.node("byline");
        if (!n.IsDefined() || n.IsNull()) return;
        if (n.IsScalar()) {
            m.byline.text = scalar_text(n, r.value_pos("byline"), file_, diags_, "'byline'");
            return;
        }
        MapReader c(n, r.value_pos("byline"), file_, diags_, input_keys::kByline);
        if (!c.is_map()) return;
        m.byline.reporter = c.text("reporter");
        m.byline.photographer = c.text("photographer");
        if (m.byline.reporter.empty() && m.byline.photographer.empty())
            diags_.error(c.where(), "byline needs 'reporter' or 'photographer' (or give it as plain text)");
    }

    void read_labels(MapReader& r, Meta& m) {
        yaml::Node n = r.node("labels");
        if (!n.IsDefined() || n.IsNull()) return;
        MapReader lr(n, r.value_pos("labels"), file_, diags_, input_keys::kLabels);
        if (!lr.is_map()) return;
        for (const auto& key : label_keys())
            if (lr.has(key)) m.labels[key] = lr.text(key);
    }

    std::vector<Group> read_groups(const yaml::Node& node, SourcePos where) {
        std::vector<Group> out;
        if (node.IsNull()) {
            diags_.error(where, "'groups' is empty: give at least one group with items");
            return out;
        }
        if (!node.IsSequence()) {
            diags_.error(where, fmt::format("'groups' must be a list of groups, got {}", node_kind(node)));
            return out;
        }
        if (node.size() == 0) diags_.error(where, "'groups' is empty: give at least one group with items");
        for (const auto& gn : node) {
            SourcePos at = file_.pos(gn);
            MapReader r(gn, at.known() ? at : where, file_, diags_, input_keys::kGroup);
            if (!r.is_map()) {
                if (gn.IsNull()) diags_.error(at.known() ? at : where, "empty group");
                continue;
            }
            Group g;
            g.pos = r.where();
            g.title = r.text("title");
            g.label = r.text("label");
            if (!r.has("items"))
                diags_.error(g.pos, "missing required key 'items' in group (a group needs at least one item)");
            else
                g.items = read_items(r.node("items"), r.value_pos("items"), "group items");
            r.finish();
            out.push_back(std::move(g));
        }
        return out;
    }

    std::vector<Item> read_items(const yaml::Node& node, SourcePos where, std::string_view what,
                                 bool related = false) {
        std::vector<Item> out;
        if (node.IsNull() && !related) {
            diags_.error(where, fmt::format("'{}' is empty: give at least one item", what));
            return out;
        }
        if (!node.IsSequence()) {
            diags_.error(where, fmt::format("'{}' must be a list of items, got {}",
                                            related ? "related" : "items", node_kind(node)));
            return out;
        }
        if (node.size() == 0 && !related)
            diags_.error(where, fmt::format("'{}' is empty: give at least one item", what));
        out.reserve(std::min<std::size_t>(node.size(), kMaxItems));
        for (const auto& in : node) {
            SourcePos at = file_.pos(in);
            if (!at.known() || in.IsNull()) at = where;
            // A bound on the work a file can ask for (a few lines of YAML
            // per item would otherwise make millions).
            if (++item_count_ > kMaxItems) {
                if (item_count_ == kMaxItems + 1)
                    diags_.error(at, fmt::format("more than {} items (related ones included): split the bulletin",
                                                 kMaxItems));
                return out;
            }
            if (in.IsNull()) {
                diags_.error(at, "empty item");
                continue;
            }
            if (auto item = read_item(in, at, related)) out.push_back(std::move(*item));
        }
        return out;
    }

    std::optional<Item> read_item(const yaml::Node& node, SourcePos where, bool related) {
        MapReader r(node, where, file_, diags_, related ? input_keys::kRelatedItem : input_keys::kItem);
        if (!r.is_map()) return std::nullopt;
        Item it;
        it.pos = r.where();
        it.seq = r.integer("seq");
        it.number = r.integer("number");
        it.title = r.text("title");
        it.kind = r.choice("kind");
        it.proposers = r.texts("proposers");
        it.leaders = read_leaders(r);
        it.supervisors = r.texts("supervisors");
        it.hosts = r.texts("hosts");
        it.cohosts = r.texts("cohosts");
        it.result = r.choice("result");
        it.seconders = r.texts("seconders");
        it.satisfaction = r.choice("satisfaction");
        it.replied = r.date("replied");
        it.reply_ref = r.text("reply_ref");
        it.progress = r.text("progress");
        it.next_steps = r.text("next_steps");
        it.note = r.text("note");
        it.images = read_images(r);
        for (const Text* t : {&it.title, &it.progress, &it.next_steps, &it.note})
            check_inline_marks(*t, "item");
        if (related)
            r.reject("related", "a related item cannot have related items of its own");
        else if (r.has("related"))
            it.related = read_items(r.node("related"), r.value_pos("related"), "related", true);
        if (it.number) {
            auto [pos, fresh] = numbers_.emplace(it.number->value, it.number->pos);
            if (!fresh)
                diags_.error(it.number->pos, fmt::format("number {} is used twice (also at line {})",
                                                         it.number->value, pos->second.line));
        }
        r.finish();
        return it;
    }

    // images: a list of {file, caption}, or a single one.
    std::vector<ImageRef> read_images(MapReader& r) {
        std::vector<ImageRef> out;
        yaml::Node n = r.node("images");
        if (!n.IsDefined() || n.IsNull()) return out;
        std::vector<yaml::Node> list;
        if (n.IsSequence()) for (const auto& el : n) list.push_back(el);
        else list.push_back(n);
        for (const auto& el : list) {
            SourcePos at = el.IsNull() ? r.value_pos("images") : file_.pos(el);
            if (el.IsNull() || el.IsScalar()) {
                diags_.error(at, "an image is {file: photo.jpg, caption: …}");
                continue;
            }
            MapReader ir(el, at, file_, diags_, input_keys::kImage);
            if (!ir.is_map()) continue;
            ImageRef img;
            img.file = ir.text("file");
            img.caption = ir.text("caption");
            ir.finish();
            if (img.file.empty()) continue;
            const std::string name = utf8::trim(img.file.value);
            if (name.empty()) continue;  // reported as empty by text()
            std::filesystem::path p(name);
            img.path = (p.is_absolute() ? p : std::filesystem::path(base_dir_) / p).lexically_normal().string();
            // One file, however it is spelt (../x.png, /proc/self/root/…), is
            // read once; all the pictures together stay within a budget.
            struct stat st {};
            const std::string key = ::stat(img.path.c_str(), &st) == 0
                                        ? fmt::format("{}:{}", st.st_dev, st.st_ino)
                                        : img.path;
            auto [cached, fresh] = images_.try_emplace(key);
            if (fresh) {
                std::string error;
                cached->second.data = load_image(img.path, error);
                if (cached->second.data && (image_bytes_ += cached->second.data->bytes.size()) > kMaxImagesTotalBytes) {
                    cached->second.data = nullptr;
                    error = fmt::format("takes the pictures of this bulletin beyond the {} they may have together",
                                        human_size(kMaxImagesTotalBytes));
                }
                cached->second.error = std::move(error);
            }
            if (!cached->second.data) {
                diags_.error(img.file.pos, fmt::format("image '{}' {}", img.file.value,
                                                       cached->second.error));
                continue;
            }
            img.data = cached->second.data;
            out.push_back(std::move(img));
        }
        return out;
    }

    std::vector<Leader> read_leaders(MapReader& r) {
        std::vector<Leader> out;
        yaml::Node n = r.node("leaders");
        if (!n.IsDefined() || n.IsNull()) return out;
        SourcePos at = r.value_pos("leaders");
        if (n.IsScalar()) {
            Text name = scalar_text(n, at, file_, diags_, "'leaders'");
            if (!utf8::trim(name.value).empty()) out.push_back({name, {}});
            return out;
        }
        if (!n.IsSequence()) {
            diags_.error(at, "'leaders' must be a name, a list of names, or a list of {name, position}");
            return out;
        }
        for (const auto& el : n) {
            SourcePos p = el.IsNull() ? at : file_.pos(el);
            if (el.IsScalar()) {
                if (utf8::trim(el.Scalar()).empty()) diags_.error(p, "empty entry in 'leaders'");
                else out.push_back({scalar_text(el, p, file_, diags_, "an entry of 'leaders'"), {}});
            } else if (el.IsMap()) {
                MapReader lr(el, p, file_, diags_, input_keys::kLeader);
                Leader l;
                l.name = lr.text("name");
                l.position = lr.text("position");
                lr.finish();
                if (!l.name.empty()) out.push_back(std::move(l));
            } else {
                diags_.error(p, "an entry of 'leaders' must be a name or {name, position}");
            }
        }
        return out;
    }

    std::vector<Section> read_sections(const yaml::Node& node, SourcePos where, int depth) {
        std::vector<Section> out;
        if (!node.IsDefined() || node.IsNull()) return out;
        if (!node.IsSequence()) {
            diags_.error(where, fmt::format("'sections' must be a list of sections, got {}", node_kind(node)));
            return out;
        }
        if (depth > kMaxSectionDepth) {
            diags_.error(where, fmt::format("sections nest at most {} levels deep", kMaxSectionDepth));
            return out;
        }
        for (const auto& sn : node) {
            SourcePos at = sn.IsNull() ? where : file_.pos(sn);
            if (++section_count_ > kMaxItems) {
                if (section_count_ == kMaxItems + 1)
                    diags_.error(at, fmt::format("more than {} sections: split the report", kMaxItems));
                return out;
            }
            MapReader r(sn, at, file_, diags_, input_keys::kSection);
            if (!r.is_map()) {
                if (sn.IsNull()) diags_.error(at, "empty section");
                continue;
            }
            Section s;
            s.pos = r.where();
            s.title = r.text("title");
            s.body = r.text("body");
            check_inline_marks(s.title, "section");
            check_inline_marks(s.body, "section");
            s.sections = read_sections(r.node("sections"), r.value_pos("sections"), depth + 1);
            r.finish();
            out.push_back(std::move(s));
        }
        return out;
    }

    // `**` marks bold; an odd count in a paragraph is almost surely a typo.
    void check_inline_marks(const Text& t, std::string_view where) {
        if (t.empty()) return;
        for (const auto& para : utf8::paragraphs(t.value)) {
            std::size_t count = 0;
            for (std::size_t p = para.find("**"); p != std::string::npos; p = para.find("**", p + 2)) ++count;
            if (count % 2 != 0)
                diags_.error(t.pos, fmt::format("unclosed '**' (bold mark) in {} text: \"{}\"", where,
                                                para.substr(0, 60)));
        }
    }

    static void number_items(Bulletin& b) {
        long long position = 0;
        for (auto& g : b.groups)
            for (auto& it : g.items) {
                ++position;
                it.display_seq = it.seq ? it.seq->value : position;
            }
    }

    const YamlFile& file_;
    Diagnostics& diags_;
    std::string base_dir_;
    std::map<long long, SourcePos> numbers_;
    std::size_t item_count_ = 0, section_count_ = 0;
    std::uint64_t image_bytes_ = 0;  // of the pictures read so far
    struct LoadedImage {
        std::shared_ptr<const ImageData> data;
        std::string error;
    };
    std::map<std::string, LoadedImage> images_;  // by device and inode: each file read once
};

}  // namespace

std::optional<Bulletin> load_bulletin_text(std::string bytes, Diagnostics& diags, const std::string& base_dir,
                                           Encoding encoding) {
    auto text = decode_text(std::move(bytes), encoding, diags, "--encoding gb18030");
    if (!text) return std::nullopt;
    YamlFile file(std::move(*text), diags);
    if (!file.parsed()) return std::nullopt;
    Bulletin b = Loader(file, diags, base_dir).load();
    if (!diags.ok()) return std::nullopt;
    return b;
}

std::optional<Bulletin> load_bulletin(const std::string& path, Diagnostics& diags, Encoding encoding) {
    std::string error;
    auto bytes = read_input_file(path, kMaxBulletinBytes, error);
    if (!bytes) {
        diags.error({}, "it " + error);
        return std::nullopt;
    }
    std::string dir = std::filesystem::path(path).parent_path().string();
    return load_bulletin_text(std::move(*bytes), diags, dir.empty() ? "." : dir, encoding);
}

}  // namespace bulletin
