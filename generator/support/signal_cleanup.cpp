#include "support/signal_cleanup.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

namespace bulletin {

namespace {

// Written with signals blocked; read by the handler. A slot's `used` is set
// only after its name is complete.
struct Slot {
    volatile std::sig_atomic_t used = 0;
    int dir_fd = -1;
    char name[256] = {};
};
Slot g_slots[kMaxCleanupFiles];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void on_signal(int sig) {
    const int saved = errno;
    for (Slot& s : g_slots)
        if (s.used) ::unlinkat(s.dir_fd, s.name, 0);  // async-signal-safe
    errno = saved;
    // SA_RESETHAND restored the default action: dying of the same signal
    // once this handler returns tells the caller how the program ended.
    ::raise(sig);
}

}  // namespace

SignalBlock::SignalBlock() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
}

SignalBlock::~SignalBlock() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

void install_signal_cleanup() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int s : kSignals) sigaddset(&sa.sa_mask, s);
    for (int s : kSignals) {
        struct sigaction old {};
        // A signal the caller ignores (nohup, a shell's background job) stays ignored.
        if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(s, &sa, nullptr);
    }
}

int register_cleanup(int dir_fd, const std::string& name) {
    if (name.size() >= sizeof g_slots[0].name) return -1;
    SignalBlock blocked;
    for (int i = 0; i < kMaxCleanupFiles; ++i) {
        Slot& s = g_slots[i];
        if (s.used) continue;
        s.dir_fd = dir_fd;
        std::memcpy(s.name, name.c_str(), name.size() + 1);
        s.used = 1;
        return i;
    }
    return -1;
}

void unregister_cleanup(int slot) {
    if (slot < 0 || slot >= kMaxCleanupFiles) return;
    SignalBlock blocked;
    g_slots[slot].used = 0;
}

}  // namespace bulletin
