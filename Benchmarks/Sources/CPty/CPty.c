#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>
#include "CPty.h"

int cpty_open(char *name, unsigned long length) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) return -1;
  if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, length) != 0) {
    close(master);
    return -1;
  }
  return master;
}

short cpty_spawn_setsid(void) { return POSIX_SPAWN_SETSID; }
