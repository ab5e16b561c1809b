using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ScenarioDsl.LanguageServer;

/// <summary>
/// StreamJsonRpc with the LSP's error for parameters of the wrong shape: -32602 (InvalidParams) with the reason, instead
/// of -32000 with the deserializer's exception and stack trace in <c>data</c> (nothing about the server's internals
/// goes to the client). Other errors are StreamJsonRpc's.
/// </summary>
internal sealed class EmpsJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        if (IsParameterShape(exception))
        {
            return new JsonRpcError.ErrorDetail
            {
                Code = JsonRpcErrorCode.InvalidParams,
                Message = $"invalid parameters for '{request.Method}': {Innermost(exception).Message}",
            };
        }
        return base.CreateErrorDetails(request, exception);
    }

    private static bool IsParameterShape(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Text.Json.JsonException) return true;
        }
        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null && e is not System.Text.Json.JsonException) e = e.InnerException;
        return e;
    }
}
