#ifndef SCRUTINY_CLIBXML2_SHIM_H
#define SCRUTINY_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so its encoding.h includes <unicode/ucnv.h>; Swift's
   Foundation brings its own, different ICU headers, and clang refuses a module that sees both
   ("UErrorCode has different definitions"). scrutiny only passes the converter handlers around by
   pointer, so libxml2's headers are read without their ICU part. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
