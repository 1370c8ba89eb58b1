/* Declarations of the subcommands listed in commands.def. */
#ifndef REPRO_CLI_COMMANDS_H
#define REPRO_CLI_COMMANDS_H

#define CLI_COMMAND(name, summary) int cmd_##name(int argc, char **argv);
#include "commands.def"
#undef CLI_COMMAND

#endif
