/* replylint/export.h: which declarations the replylint shared library exports.
 *
 * The library is built with hidden symbols by default (-fvisibility=hidden); only what is
 * marked REPLYLINT_API is visible to programs linking libreplylint.so. Nothing to do for users:
 * the public headers include this file. C and C++. */
#ifndef REPLYLINT_EXPORT_H
#define REPLYLINT_EXPORT_H

#if defined(_WIN32) && !defined(REPLYLINT_STATIC)
#  if defined(REPLYLINT_BUILDING)
#    define REPLYLINT_API __declspec(dllexport)
#  else
#    define REPLYLINT_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define REPLYLINT_API __attribute__((visibility("default")))
#else
#  define REPLYLINT_API
#endif

#endif /* REPLYLINT_EXPORT_H */
