// The inside of Store: the SQLite connection. Only the files that implement
// Store (store.cpp, store_search.cpp) see it.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "gainsay/store.h"

namespace gainsay {

struct Store::Impl {
  Impl(const std::string& db_path, int flags) : path(db_path), db(db_path, flags) {}
  std::string path;
  SQLite::Database db;
  std::string file;       // the database file; empty when it is in memory
  bool writable = false;  // opened read-write, so the search index may be built
};

}  // namespace gainsay
