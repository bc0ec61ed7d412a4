#ifndef SCRUTINY_CPOPPLER_SHIM_H
#define SCRUTINY_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>
#endif
