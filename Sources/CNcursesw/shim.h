// The only C in PeerConsult. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so
// the wide-character API must be switched on here, before curses.h.
#ifndef PEERCONSULT_CNCURSESW_SHIM_H
#define PEERCONSULT_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>

// glibc hides wcwidth from Swift without _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);

// Globals Swift 6 refuses to read ("not concurrency-safe").
static inline WINDOW *pc_stdscr(void) { return stdscr; }
static inline WINDOW *pc_curscr(void) { return curscr; }
static inline int pc_lines(void) { return LINES; }
static inline int pc_cols(void) { return COLS; }

// Attribute macros.
static inline int pc_a_normal(void) { return (int)A_NORMAL; }
static inline int pc_a_bold(void) { return (int)A_BOLD; }
static inline int pc_a_reverse(void) { return (int)A_REVERSE; }
static inline int pc_a_underline(void) { return (int)A_UNDERLINE; }
static inline int pc_a_dim(void) { return (int)A_DIM; }
static inline int pc_a_italic(void) { return (int)A_ITALIC; }

static inline int pc_key_f(int n) { return KEY_F(n); }

// From term.h, which would also define macros named `lines` and `columns`.
extern int setupterm(const char *term, int filedes, int *errret);
extern char *tigetstr(const char *capname);

/// Whether the terminal type in TERM is known and can move the cursor: 1 if so, 0 when
/// terminfo has no such type (or TERM is not set), -1 when no terminfo database was found, 2
/// when the type cannot address the cursor (`dumb`, a hardcopy terminal). Looked up before
/// the screen starts: initscr() on an unknown type prints ncurses' own line and exits.
static inline int pc_terminal_usable(int fd) {
  int found = 0;
  // A hardcopy terminal is found (1) yet refused: it can no more show a screen than `dumb`.
  if (setupterm(NULL, fd, &found) != 0) return found == 1 ? 2 : found;
  char *move = tigetstr("cup");
  return (move == NULL || move == (char *)-1) ? 2 : 1;
}

/// Puts one cell: a base character plus up to 4 combining marks, with attributes and colour pair.
static inline int pc_put_cell(int y, int x, const wchar_t *chars, int attrs, short pair) {
  cchar_t cc;
  if (setcchar(&cc, chars, (attr_t)attrs, pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cc);
}

/// Reads back the cell at (y, x): its characters (up to `cap` wchar_t, NUL-terminated) and attributes.
static inline int pc_get_cell(WINDOW *win, int y, int x, wchar_t *out, int cap, int *attrs, short *pair) {
  cchar_t cc;
  if (mvwin_wch(win, y, x, &cc) == ERR) return ERR;
  wchar_t buf[CCHARW_MAX + 1];
  attr_t a = 0;
  short p = 0;
  if (getcchar(&cc, buf, &a, &p, NULL) == ERR) return ERR;
  int i = 0;
  for (; i < cap - 1 && buf[i] != 0; i++) out[i] = buf[i];
  out[i] = 0;
  *attrs = (int)(a & ~A_COLOR);
  *pair = p;
  return OK;
}

/// The size of the terminal on `fd`, as the kernel reports it; ERR when `fd` is not a
/// terminal or reports no size.
static inline int pc_window_size(int fd, int *rows, int *columns) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return ERR;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return OK;
}

#endif
