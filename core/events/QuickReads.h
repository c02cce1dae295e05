// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/events/DispatchOutcome.h"
#include "core/events/RequestContext.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace fsd {

class Authenticator;
class Database;
class Dispatcher;
struct DatabaseOptions;

// Runs the quick read events (Dispatcher::Access::QuickRead, such as one user's details) on
// the thread that owns it, through a read-only database connection of its own. A transport on
// another thread than the dispatcher's saves the two thread switches of a queued request,
// which cost about as much as the handler itself. It runs only requests whose token the
// authenticator finds in its cache, and the caller sends the others through the DispatchQueue.
// Use it from the thread that opened it.
class QuickReads
{
public:
    ~QuickReads();

    // Opens the read-only connection and registers the directory handlers. `authenticator` is
    // the dispatcher's, shared through its thread-safe Authenticator::authenticateCached(), and
    // must outlive this object.
    static Result<std::unique_ptr<QuickReads>> open(const DatabaseOptions &options,
                                                    Authenticator &authenticator);

    // Runs `request` and returns its outcome, or returns nothing when it must be queued.
    std::optional<DispatchOutcome> tryDispatch(const QJsonObject &request,
                                               const RequestContext &context);

private:
    QuickReads() = default;

    std::unique_ptr<Database> m_database;
    std::unique_ptr<Dispatcher> m_dispatcher;
};

} // namespace fsd
