import Foundation

/// `posix_spawn` attributes that start a program as a shell would: no signal blocked, every
/// signal at its default. Test threads run with signals blocked, and a child that inherited
/// that mask never received SIGTERM, SIGXFSZ or SIGPIPE.
final class ShellSpawnAttributes {
  var attributes = posix_spawnattr_t()

  init() {
    posix_spawnattr_init(&attributes)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  }

  deinit { posix_spawnattr_destroy(&attributes) }
}
