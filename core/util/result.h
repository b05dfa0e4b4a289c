#pragma once

// Errors are values. Every fallible function in core returns Result<T>; each layer adds context
// ("stage 2 upload: bulk OUT timed out after 5000 ms at byte 131072"). No exceptions cross threads,
// there is no global last-error. Core never translates: the UI and CLI turn an ErrorCode into an
// actionable, translated message (see errorcode.h for the classes and their exit codes).

#include "errorcode.h"

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace oc {

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;        // technical English, outermost context first
    qint64 offset = -1;     // byte offset the failure refers to (flash offset or transfer byte), -1: none
    std::optional<int> ack; // the burner's signed status word, when the board reported the error

    // Prefixes context: Error{..., "bulk OUT timed out"}.context("stage 2 upload")
    // gives "stage 2 upload: bulk OUT timed out".
    Error &context(const QString &prefix)
    {
        message = message.isEmpty() ? prefix : prefix + QStringLiteral(": ") + message;
        return *this;
    }
    Error &&withContext(const QString &prefix) &&
    {
        context(prefix);
        return std::move(*this);
    }
    Error &&atOffset(qint64 byteOffset) &&
    {
        offset = byteOffset;
        return std::move(*this);
    }
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message), -1, std::nullopt};
}

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_value(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_value); }
    const T &value() const & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const & { return std::get<Error>(m_value); }
    Error &&error() && { return std::get<Error>(std::move(m_value)); }

    Result &&context(const QString &prefix) &&
    {
        if (!ok())
            std::get<Error>(m_value).context(prefix);
        return std::move(*this);
    }

private:
    std::variant<T, Error> m_value;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const & { return *m_error; }
    Error &&error() && { return std::move(*m_error); }

    Result &&context(const QString &prefix) &&
    {
        if (m_error)
            m_error->context(prefix);
        return std::move(*this);
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace oc

// Propagates a failed Result<...> from the enclosing function; the expression is evaluated once.
#define OC_TRY(expr)                                                                                         \
    do {                                                                                                     \
        if (auto ocTryResult_ = (expr); !ocTryResult_)                                                       \
            return std::move(ocTryResult_).error();                                                          \
    } while (false)

// Like OC_TRY, adding a context prefix to the error on the way out.
#define OC_TRY_CTX(expr, prefix)                                                                             \
    do {                                                                                                     \
        if (auto ocTryResult_ = (expr); !ocTryResult_)                                                       \
            return std::move(ocTryResult_).error().withContext(prefix);                                      \
    } while (false)
