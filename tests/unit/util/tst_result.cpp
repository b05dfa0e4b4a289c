#include "core/util/result.h"

#include <QTest>

using namespace oc;

namespace {
Result<int> half(int value)
{
    if (value % 2)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is odd").arg(value));
    return value / 2;
}

Result<int> quarter(int value)
{
    auto h = half(value);
    if (!h)
        return std::move(h).error().withContext(QStringLiteral("first half"));
    return half(*h).context(QStringLiteral("second half"));
}

Status check(int value)
{
    OC_TRY_CTX(quarter(value), QStringLiteral("check"));
    return {};
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valuePropagates() { QCOMPARE(*quarter(8), 2); }
    void contextChainsOutermostFirst()
    {
        const Status s = check(6);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(s.error().message, QStringLiteral("check: second half: 3 is odd"));
    }
    void exitCodesByClass()
    {
        QCOMPARE(exitCodeFor(ErrorCode::Ok), 0);
        QCOMPARE(exitCodeFor(ErrorCode::InvalidArgument), 1);
        QCOMPARE(exitCodeFor(ErrorCode::InputFile), 2);
        QCOMPARE(exitCodeFor(ErrorCode::NoDevice), 3);
        QCOMPARE(exitCodeFor(ErrorCode::Timeout), 4);
        QCOMPARE(exitCodeFor(ErrorCode::VerifyMismatch), 5);
        QCOMPARE(exitCodeFor(ErrorCode::Cancelled), 6);
        QCOMPARE(QByteArray(errorCodeName(ErrorCode::VerifyMismatch)), QByteArray("verify-mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
