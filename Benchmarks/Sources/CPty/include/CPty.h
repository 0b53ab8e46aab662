#ifndef CPTY_H
#define CPTY_H

/// Opens a pseudo-terminal master and writes its slave's path into `name`; -1 on failure.
/// (posix_openpt and friends are hidden from Swift behind glibc's feature macros.)
int cpty_open(char *name, unsigned long length);

/// POSIX_SPAWN_SETSID: the spawned child starts a new session.
short cpty_spawn_setsid(void);

#endif
