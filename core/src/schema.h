// The database schema and its version. Only store.cpp and schema.cpp see
// SQLiteCpp.
#pragma once

namespace SQLite {
class Database;
}

namespace gainsay {

inline constexpr int kSchemaVersion = 2;

// Creates the schema in an empty database, or checks that an existing one
// is a gainsay database of a version this build reads. Throws kStorage.
void ensure_schema(SQLite::Database& db, const char* path, bool writable);

}  // namespace gainsay
