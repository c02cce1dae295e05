// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>

#include <chrono>

namespace fsd {

// Settings of the mod_xml_curl listener. It serves SIP passwords, so it listens apart from the
// API, on loopback by default.
struct XmlCurlServerConfig
{
    // The only path served; mod_xml_curl's gateway-url points here.
    static inline const QString Path = QStringLiteral("/freeswitch/directory");

    QString host = QStringLiteral("127.0.0.1");
    // 0 lets the system choose a free port (XmlCurlServer::port() returns it).
    quint16 port = 8081;
    // PEM files, normally the API's; TLS is on when both are set.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    // HTTP Basic credentials that mod_xml_curl sends from its gateway-credentials parameter
    // ("user:password"). No credentials are asked for when both are empty.
    QString user;
    QString password;
    // Serve on an address other than loopback without TLS and credentials.
    bool allowInsecure = false;

    int maxConnections = 1000;
    // Largest request body. mod_xml_curl posts every header of the lookup's event, and
    // mod_dptools' user_call adds the caller's channel variables, so forms of tens of
    // kilobytes occur.
    qint64 maxRequestBytes = 4 * 1024 * 1024;
    std::chrono::milliseconds headerTimeout{10'000};
    std::chrono::milliseconds idleTimeout{60'000};

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }
    bool credentialsEnabled() const { return !user.isEmpty() || !password.isEmpty(); }

    // Sets host and port from "HOST:PORT", "[IPv6]:PORT" or ":PORT" (host 127.0.0.1). HOST is
    // an IP address or "localhost". On invalid text returns false and sets `error` to a
    // sentence naming the value.
    bool setListenAddress(const QString &text, QString *error);
    // "HOST:PORT" as --xml-curl-listen takes it.
    QString listenAddress() const;
    // The URL mod_xml_curl's gateway-url needs, for the listening `actualPort` (0: `port`).
    // An unspecified host (0.0.0.0, ::) is written as 127.0.0.1.
    QString gatewayUrl(quint16 actualPort = 0) const;

    bool isLoopback() const;
    // Rejects a non-loopback address without TLS and credentials unless `allowInsecure`.
    Status validate() const;
};

} // namespace fsd
