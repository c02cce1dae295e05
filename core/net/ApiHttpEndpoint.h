// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"

#include <QObject>

namespace fsd {

class DispatchQueue;
class QuickReads;

// `POST /api/v1`: one API request per HTTP request, the JSON reply as the body. Every reply is
// 200 except `invalid request` (400), `unauthorized` (401) and `forbidden` (403); another
// method gets 405 and another path 404.
class ApiHttpEndpoint : public QObject
{
    Q_OBJECT

public:
    static constexpr QByteArrayView Path = "/api/v1";

    // `queue` and `quickReads` (optional) must outlive the endpoint.
    ApiHttpEndpoint(DispatchQueue &queue, QuickReads *quickReads, QObject *parent = nullptr);

    void handle(const HttpRequest &request, HttpResponder responder);

private:
    DispatchQueue &m_queue;
    QuickReads *m_quickReads;
};

} // namespace fsd
