using System.Text.Json.Serialization;
using MyPayGa.Client.Json;

namespace MyPayGa.Client;

/// <summary>
/// A status code found inside a MyPayGa body (<c>statusRequest</c>, <c>code</c>, <c>OrderStatus</c>,
/// <c>final_status</c>, <c>RefundStatus</c>, <c>transfert_status</c>), read from a string or a number.
/// "200" is success, "400" failure, anything else (or nothing) is unknown.
/// </summary>
[JsonConverter(typeof(MyPayGaStatusJsonConverter))]
public readonly record struct MyPayGaStatus(string? Raw)
{
    public bool IsSuccess => Raw == "200";
    public bool IsFailure => Raw == "400";
    public bool IsUnknown => !IsSuccess && !IsFailure;
    public override string ToString() => Raw ?? "(none)";
}
