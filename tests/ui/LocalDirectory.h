// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/app/DirectoryService.h"
#include "core/events/LocalEventChannel.h"

#include <QTemporaryDir>

#include <memory>

namespace fsd::test {

// A real directory for GUI tests: a SQLite file in a temporary folder, the service with every
// handler on its own thread, and a local channel to it as the application builds them.
struct LocalDirectory
{
    QTemporaryDir folder;
    std::unique_ptr<DirectoryService> service;
    std::unique_ptr<LocalEventChannel> channel;

    // Returns an empty string on success, otherwise the reason.
    QString start()
    {
        if (!folder.isValid())
            return QStringLiteral("cannot create a temporary folder");
        DirectoryService::Options options;
        options.database.path = folder.filePath(QStringLiteral("directory.sqlite"));
        auto started = DirectoryService::start(options);
        if (!started)
            return started.error().detail.isEmpty() ? started.error().error
                                                    : started.error().detail;
        service = std::move(*started);
        channel = std::make_unique<LocalEventChannel>(service->queue(), service->location());
        return {};
    }

    // Runs `read` on the service's thread with its database, for checks of what is stored.
    template<typename Function>
    auto read(Function read) -> decltype(read(std::declval<Database &>()))
    {
        decltype(read(std::declval<Database &>())) result{};
        service->runOnServiceThread([&]() { result = read(*service->database()); });
        return result;
    }
};

} // namespace fsd::test
