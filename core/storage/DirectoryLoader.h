// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"

namespace fsd {

class Database;

// Reads stored directory rows back into a model::DirectoryTree, in id order (the order in
// which they were created), with ids filled in.
class DirectoryLoader
{
public:
    struct Options
    {
        // Leaves out disabled items and everything under them, as FreeSWITCH must see it.
        bool enabledOnly = false;
        // Loads only this domain; 0 loads all.
        qint64 domainId = 0;
    };

    explicit DirectoryLoader(const Database &database) : m_database(database) {}

    Result<model::DirectoryTree> load(const Options &options) const;
    Result<model::DirectoryTree> load() const { return load(Options{}); }

private:
    const Database &m_database;
};

} // namespace fsd
