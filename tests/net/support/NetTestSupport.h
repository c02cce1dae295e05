// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

class QAbstractSocket;

namespace fsd::test {

// One HTTP/1.1 response as a test client reads it off the wire.
struct WireResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

// Reads one response framed by Content-Length from `socket`, running the event loop meanwhile
// (the server under test lives on the same thread). An interim 1xx response is returned on its
// own; `headRequest` reads no body. Returns nothing when the socket closes or `timeoutMs`
// passes first.
std::optional<WireResponse> readResponse(QAbstractSocket &socket, int timeoutMs = 10'000,
                                         bool headRequest = false);

// Runs the event loop until `socket` is unconnected. Returns false on timeout.
bool waitForClose(QAbstractSocket &socket, int timeoutMs = 10'000);

// Connects to 127.0.0.1:`port`, running the event loop meanwhile. Returns true once the
// connection was established, even when the server closed it right away.
bool connectLoopback(QAbstractSocket &socket, quint16 port, int timeoutMs = 10'000);

struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs `program`, running the event loop while it works, so that a server on this thread
// can serve it. Kills it after `timeoutMs`.
ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         int timeoutMs = 30'000, const QByteArray &input = {});

// Creates a self-signed certificate for 127.0.0.1 and localhost with `openssl` in `folder`.
// Returns false and fills `error` on failure.
bool makeSelfSignedCertificate(const QString &folder, QString *certificateFile, QString *keyFile,
                               QString *error);

} // namespace fsd::test
