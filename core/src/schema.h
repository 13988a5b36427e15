// The database schema and its version. Only store.cpp and schema.cpp see
// SQLiteCpp.
#pragma once

namespace SQLite {
class Database;
}

namespace gainsay {

inline constexpr int kSchemaVersion = 3;

// Creates the schema in an empty database when `create`, or checks that an
// existing one is a gainsay database of a version this build reads, first
// upgrading an older one in place when `may_upgrade`. Throws kStorage.
void ensure_schema(SQLite::Database& db, const char* path, bool create, bool may_upgrade);

}  // namespace gainsay
