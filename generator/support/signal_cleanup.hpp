// Files to remove if the program is stopped by a signal (Ctrl-C, kill,
// a closed terminal) before it could remove them itself.
//
// Contract: after install_signal_cleanup(), SIGINT, SIGTERM, SIGHUP and
// SIGQUIT first unlink every registered file, then end the program by the
// same signal (so the exit status still says which). Registering and
// unregistering are safe against a signal arriving at any moment. At most
// kMaxCleanupFiles files are registered at once.
#pragma once

#include <signal.h>

#include <string>

namespace bulletin {

inline constexpr int kMaxCleanupFiles = 32;

void install_signal_cleanup();

// `name` is a file in the folder open as `dir_fd` (a name, not a path).
// Returns a slot for unregister_cleanup(), or -1 when all slots are taken.
int register_cleanup(int dir_fd, const std::string& name);
void unregister_cleanup(int slot);

// Holds back the cleanup signals while it lives: what must not be cut in
// two (replacing a set of outputs) runs inside one. A signal that arrives
// meanwhile is delivered when it ends.
class SignalBlock {
public:
    SignalBlock();
    ~SignalBlock();
    SignalBlock(const SignalBlock&) = delete;
    SignalBlock& operator=(const SignalBlock&) = delete;

private:
    sigset_t old_;
};

}  // namespace bulletin
