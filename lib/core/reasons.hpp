// The system's reasons (errno values) for people, in the reader's language: the one place a strerror text or
// a std::error_code's message is turned into what a message shows.
#pragma once

#include <string>
#include <system_error>

namespace keqing::core {

// Why a system call failed, for people: the C library's English text ("No such file or directory") in
// English, translated in Chinese for the common values (ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, ENOSPC,
// EROFS, EEXIST, EIO, EDQUOT, …); any other value keeps the C library's text.
const char* reason(int error_number);
// reason() of a system or generic error code's value; another category's own message.
std::string reason(const std::error_code& error);

} // namespace keqing::core
