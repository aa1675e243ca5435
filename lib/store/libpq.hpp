// PostgreSQL's client library, loaded on first use (dlopen) rather than linked: a command on a SQLite file
// then never loads libpq and the two dozen libraries it pulls in (Kerberos, LDAP, TLS), which took about
// two thirds of every command's start-up. Types come from libpq's header; calls go through pq().
#pragma once

#include "core/result.hpp"

#include <libpq-fe.h>

// Every libpq function keqing calls, once: the table's fields and what load() looks up.
#define KEQING_LIBPQ_FUNCTIONS(X)                                                                            \
    X(PQclear)                                                                                               \
    X(PQconnectdb)                                                                                           \
    X(PQconninfoFree)                                                                                        \
    X(PQconninfoParse)                                                                                       \
    X(PQenterPipelineMode)                                                                                   \
    X(PQerrorMessage)                                                                                        \
    X(PQexec)                                                                                                \
    X(PQexecParams)                                                                                          \
    X(PQexecPrepared)                                                                                        \
    X(PQexitPipelineMode)                                                                                    \
    X(PQfinish)                                                                                              \
    X(PQfreemem)                                                                                             \
    X(PQgetisnull)                                                                                           \
    X(PQgetResult)                                                                                           \
    X(PQgetlength)                                                                                           \
    X(PQgetvalue)                                                                                            \
    X(PQntuples)                                                                                             \
    X(PQpass)                                                                                                \
    X(PQpipelineSync)                                                                                        \
    X(PQresultErrorField)                                                                                    \
    X(PQresultStatus)                                                                                        \
    X(PQsendPrepare)                                                                                         \
    X(PQsendQuery)                                                                                           \
    X(PQsendQueryParams)                                                                                     \
    X(PQsendQueryPrepared)                                                                                   \
    X(PQsetClientEncoding)                                                                                   \
    X(PQstatus)                                                                                              \
    X(PQtransactionStatus)                                                                                   \
    X(PQuser)

namespace keqing::store::libpq {

struct Api {
#define KEQING_LIBPQ_FIELD(name) decltype(&::name) name = nullptr;
    KEQING_LIBPQ_FUNCTIONS(KEQING_LIBPQ_FIELD)
#undef KEQING_LIBPQ_FIELD
};

// Loads libpq.so.5 and looks up every function, once per process; a database error saying which package
// to install when it cannot. Every PostgreSQL entry point calls it before pq().
Result<void> load();
// The functions, once load() succeeded.
const Api& pq();

} // namespace keqing::store::libpq
