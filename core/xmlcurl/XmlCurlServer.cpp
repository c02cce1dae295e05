// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/XmlCurlServer.h"

#include "core/xmlcurl/DirectoryEndpoint.h"

#include <QThread>

namespace fsd {

XmlCurlServer::XmlCurlServer(XmlCurlServerConfig config, DatabaseOptions database,
                             QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_database(std::move(database))
{
}

XmlCurlServer::~XmlCurlServer()
{
    stop();
}

Status XmlCurlServer::start()
{
    stop();
    if (Status valid = m_config.validate(); !valid)
        return valid;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("xml_curl"));
    m_thread->start();

    // The endpoint contains only settings until start(), which runs on the server's thread,
    // because its sockets, timers and database connection must live there. stop() deletes it
    // there too.
    m_endpoint = new DirectoryEndpoint(m_config, m_database);
    m_endpoint->moveToThread(m_thread);
    Status started;
    DirectoryEndpoint *endpoint = m_endpoint;
    QMetaObject::invokeMethod(
        endpoint,
        [&]() {
            started = endpoint->start();
            m_port = endpoint->port();
            m_tls = endpoint->isTls();
        },
        Qt::BlockingQueuedConnection);
    if (!started)
        stop();
    return started;
}

void XmlCurlServer::stop()
{
    if (!m_thread)
        return;
    if (m_endpoint) {
        DirectoryEndpoint *endpoint = m_endpoint;
        QMetaObject::invokeMethod(endpoint, [endpoint]() { delete endpoint; },
                                  Qt::BlockingQueuedConnection);
        m_endpoint = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
    m_tls = false;
}

} // namespace fsd
