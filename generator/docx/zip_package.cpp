#include "docx/zip_package.hpp"

#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <zip.h>

namespace bulletin {

namespace {

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    throw std::runtime_error(fmt::format("DOCX: {}: {}", what, zip_error_strerror(error)));
}

}  // namespace

void write_zip(ByteSink& out, const std::vector<ZipPart>& parts, std::time_t mtime) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceDeleter> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("cannot start the zip", &error);
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("cannot start the zip", &error);
    zip_source_keep(buffer.get());  // the archive's close must not free what it wrote
    auto fail_archive = [&](const std::string& what) {
        std::string msg = zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error(fmt::format("DOCX: cannot add {}: {}", what, msg));
    };
    for (const ZipPart& part : parts) {
        // libzip copies nothing until zip_close: the parts must outlive it (they do).
        zip_source_t* source = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
        if (!source) fail_archive(part.name);
        zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail_archive(part.name);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 6) != 0 || zip_file_set_mtime(archive, i, mtime, 0) != 0)
            fail_archive(part.name);
    }
    if (zip_close(archive) != 0) fail_archive("the zip's directory");

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_open(buffer.get()) != 0) fail("cannot read the zip back", zip_source_error(buffer.get()));
    if (zip_source_stat(buffer.get(), &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        zip_source_close(buffer.get());
        fail("cannot read the zip back", zip_source_error(buffer.get()));
    }
    std::string chunk(1 << 16, '\0');
    for (zip_uint64_t left = st.size; left > 0;) {
        zip_int64_t n = zip_source_read(buffer.get(), chunk.data(), std::min<zip_uint64_t>(left, chunk.size()));
        if (n <= 0) {
            zip_source_close(buffer.get());
            fail("cannot read the zip back", zip_source_error(buffer.get()));
        }
        out.write(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
        left -= static_cast<zip_uint64_t>(n);
    }
    zip_source_close(buffer.get());
}

}  // namespace bulletin
