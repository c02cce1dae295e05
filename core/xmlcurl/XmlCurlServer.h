// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"
#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QObject>

class QThread;

namespace fsd {

class DirectoryEndpoint;

// Serves the directory to FreeSWITCH's mod_xml_curl at POST /freeswitch/directory, from a
// thread of its own with its own read-only database connection, so that imports, long
// API requests or a busy GUI never delay a lookup. mod_xml_curl waits without a time limit by
// default, and a stalled answer stalls SIP registrations.
class XmlCurlServer : public QObject
{
    Q_OBJECT

public:
    // `database` names the directory database, which must exist (the owning process opens it
    // first); the server opens its own read-only connection to it.
    XmlCurlServer(XmlCurlServerConfig config, DatabaseOptions database, QObject *parent = nullptr);
    ~XmlCurlServer() override;

    // Checks the configuration, then opens the connection and starts listening on the server's
    // thread. Returns once it listens, or with the reason it cannot.
    Status start();
    // Stops listening and closes the connection. Called by the destructor.
    void stop();

    bool isRunning() const { return m_endpoint != nullptr; }
    // The port it listens on, which the system chose when the configured port is 0.
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    const XmlCurlServerConfig &config() const { return m_config; }
    // The URL for mod_xml_curl's gateway-url.
    QString gatewayUrl() const { return m_config.gatewayUrl(m_port); }

private:
    XmlCurlServerConfig m_config;
    DatabaseOptions m_database;
    QThread *m_thread = nullptr;
    DirectoryEndpoint *m_endpoint = nullptr; // lives on m_thread
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace fsd
