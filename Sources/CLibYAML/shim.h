// libyaml's parser, so protocol files can be measured from its events before Yams builds a
// tree from them (Yams keeps the events to itself). Only the library's header: no C of ours.
// Yams compiles in its own copy of libyaml (the same 0.2.5 release and structures); its
// definitions in the executable take precedence over libyaml.so's, so the parser that
// measures a file is exactly the one that then reads it.
#ifndef PEERCONSULT_CLIBYAML_SHIM_H
#define PEERCONSULT_CLIBYAML_SHIM_H

#include <yaml.h>

#endif
