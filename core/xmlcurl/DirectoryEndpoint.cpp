// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/DirectoryEndpoint.h"

#include "core/http/HttpServer.h"
#include "core/storage/LookupQueries.h"
#include "core/xmlcurl/DirectoryAnswerBuilder.h"
#include "core/xmlcurl/XmlCurlLog.h"

#include <QCryptographicHash>

namespace fsd {

namespace {

// Compares without an early exit, so that response times do not reveal the credentials.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    const QByteArray hashA = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hashB = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < hashA.size(); ++i)
        difference |= static_cast<unsigned char>(hashA[i] ^ hashB[i]);
    return difference == 0;
}

} // namespace

DirectoryEndpoint::DirectoryEndpoint(XmlCurlServerConfig config, DatabaseOptions database)
    : m_config(std::move(config))
    , m_databaseOptions(std::move(database))
{
    if (m_config.credentialsEnabled())
        m_expectedCredentials = (m_config.user + QLatin1Char(':') + m_config.password).toUtf8();
}

DirectoryEndpoint::~DirectoryEndpoint()
{
    delete m_http;
    m_builder.reset();
    m_queries.reset();
    m_database.reset();
}

Status DirectoryEndpoint::start()
{
    DatabaseOptions readOnly = m_databaseOptions;
    readOnly.readOnly = true;
    auto database = Database::open(readOnly, QStringLiteral("xmlcurl-%1").arg(quintptr(this)));
    if (!database)
        return database.error();
    m_database = std::move(*database);
    m_queries = std::make_unique<LookupQueries>(*m_database);
    if (Status configured = m_queries->configureConnection(); !configured)
        return configured;
    m_builder = std::make_unique<DirectoryAnswerBuilder>(*m_queries);

    HttpServerConfig http;
    http.address = QHostAddress(m_config.host);
    http.port = m_config.port;
    http.tlsCertificateFile = m_config.tlsCertificateFile;
    http.tlsKeyFile = m_config.tlsKeyFile;
    http.maxConnections = m_config.maxConnections;
    http.maxBodyBytes = m_config.maxRequestBytes;
    http.headerTimeout = m_config.headerTimeout;
    http.idleTimeout = m_config.idleTimeout;
    m_http = new HttpServer(this);
    m_http->setHandler([this](const HttpRequest &request, HttpResponder responder) {
        handle(request, responder);
    });
    if (!m_http->listen(http)) {
        return ApiError::make(QStringLiteral("listen failed"),
                              QStringLiteral("The mod_xml_curl listener cannot start: %1")
                                  .arg(m_http->errorString()));
    }
    qCInfo(lcXmlCurl).noquote()
        << QStringLiteral("Serving the directory to mod_xml_curl at %1%2")
               .arg(m_config.gatewayUrl(m_http->serverPort()),
                    m_config.credentialsEnabled() ? QStringLiteral(" with credentials")
                                                  : QString());
    return {};
}

quint16 DirectoryEndpoint::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

bool DirectoryEndpoint::isTls() const
{
    return m_http && m_http->isTls();
}

void DirectoryEndpoint::handle(const HttpRequest &request, const HttpResponder &responder)
{
    if (m_config.credentialsEnabled() && !hasValidCredentials(request)) {
        warnRejected(request, QStringLiteral("missing or wrong credentials"));
        HttpResponse response = HttpResponse::text(401, "credentials required\n");
        response.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"fsdirector\", charset=\"UTF-8\"");
        responder.send(response);
        return;
    }
    if (request.path != XmlCurlServerConfig::Path.toUtf8()) {
        warnRejected(request, QStringLiteral("path %1").arg(QString::fromUtf8(request.path.left(100))));
        responder.send(HttpResponse::text(404, "not found; mod_xml_curl's gateway-url ends in "
                                               "/freeswitch/directory\n"));
        return;
    }
    if (request.method != "POST") {
        warnRejected(request, QStringLiteral("method %1").arg(QString::fromUtf8(request.method)));
        HttpResponse response = HttpResponse::text(405, "use POST\n");
        response.headers.emplaceBack("Allow", "POST");
        responder.send(response);
        return;
    }

    const DirectoryAnswerBuilder::Answer answer = m_builder->answer(request.body);
    if (answer.failed) {
        responder.send(HttpResponse::text(500, "the directory cannot be read\n"));
        return;
    }
    HttpResponse response;
    response.contentType = "text/xml; charset=utf-8";
    response.body = answer.document;
    responder.send(response);
}

bool DirectoryEndpoint::hasValidCredentials(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("Authorization").trimmed();
    const qsizetype space = authorization.indexOf(' ');
    if (space < 0 || authorization.left(space).compare("Basic", Qt::CaseInsensitive) != 0)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(space + 1).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded && equalConstantTime(*decoded, m_expectedCredentials);
}

void DirectoryEndpoint::warnRejected(const HttpRequest &request, const QString &reason)
{
    ++m_rejectedCount;
    if (!m_nextRejectionLog.hasExpired())
        return;
    qCWarning(lcXmlCurl).noquote()
        << QStringLiteral("Rejected %1 mod_xml_curl request(s), the last from %2: %3. Check "
                          "gateway-url and gateway-credentials in FreeSWITCH's "
                          "xml_curl.conf.xml.")
               .arg(m_rejectedCount)
               .arg(request.peer(), reason);
    m_rejectedCount = 0;
    m_nextRejectionLog = QDeadlineTimer(std::chrono::seconds(10));
}

} // namespace fsd
