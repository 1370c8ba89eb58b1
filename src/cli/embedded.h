/* Files built into repro-rng (the generated file made by tools/embed_files.sh from
 * the known-answer and golden-vector files; see mk/cli.mk). */
#ifndef REPRO_CLI_EMBEDDED_H
#define REPRO_CLI_EMBEDDED_H

#include <stddef.h>

typedef struct {
    const char *name;          /* path in the source tree */
    const unsigned char *data; /* the file's bytes, followed by a NUL */
    size_t size;               /* bytes, without the NUL */
} cli_text_file;

/* Ends with an entry whose name is NULL. */
extern const cli_text_file cli_embedded_files[];

#endif
