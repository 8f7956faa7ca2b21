#include "docx/zip_package.hpp"

#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>
#include <zip.h>

namespace bulletin {

void write_zip(const std::string& path, const std::vector<ZipPart>& parts, std::time_t mtime) {
    // libzip refuses to open an existing empty file as a new archive: the
    // caller's temporary file is replaced.
    std::remove(path.c_str());
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        std::string msg = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw std::runtime_error(fmt::format("cannot create {}: {}", path, msg));
    }
    auto fail = [&](const std::string& what) {
        std::string msg = zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error(fmt::format("cannot write {} ({}): {}", path, what, msg));
    };
    for (const ZipPart& part : parts) {
        // libzip copies nothing until zip_close: the parts must outlive it (they do).
        zip_source_t* source = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
        if (!source) fail(part.name);
        zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail(part.name);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 6) != 0 || zip_file_set_mtime(archive, i, mtime, 0) != 0)
            fail(part.name);
    }
    if (zip_close(archive) != 0) fail("closing");
}

}  // namespace bulletin
