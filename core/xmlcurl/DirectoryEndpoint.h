// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"
#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QDeadlineTimer>
#include <QObject>

#include <memory>

namespace fsd {

class DirectoryAnswerBuilder;
class HttpResponder;
class HttpServer;
class LookupQueries;
struct HttpRequest;

// The HTTP side of the mod_xml_curl listener: checks method, path and credentials of each
// request and sends the answer built from its own read-only database connection. Lives on the
// listener's thread (XmlCurlServer creates it there); every member is used on that thread only.
class DirectoryEndpoint : public QObject
{
    Q_OBJECT

public:
    DirectoryEndpoint(XmlCurlServerConfig config, DatabaseOptions database);
    ~DirectoryEndpoint() override;

    // Opens the read-only connection and starts listening.
    Status start();
    quint16 port() const;
    bool isTls() const;

private:
    void handle(const HttpRequest &request, const HttpResponder &responder);
    bool hasValidCredentials(const HttpRequest &request) const;
    void warnRejected(const HttpRequest &request, const QString &reason);

    XmlCurlServerConfig m_config;
    DatabaseOptions m_databaseOptions;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LookupQueries> m_queries;
    std::unique_ptr<DirectoryAnswerBuilder> m_builder;
    HttpServer *m_http = nullptr;
    QByteArray m_expectedCredentials;
    // Rejected requests since the last warning about them.
    int m_rejectedCount = 0;
    QDeadlineTimer m_nextRejectionLog;
};

} // namespace fsd
