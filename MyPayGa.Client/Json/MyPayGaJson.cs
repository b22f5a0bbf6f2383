using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyPayGa.Client.Json;

/// <summary>Reads a status from "200", 200, 200.0, or null/missing (Raw null). Writes it as a string.</summary>
public sealed class MyPayGaStatusJsonConverter : JsonConverter<MyPayGaStatus>
{
    public override bool HandleNull => true;

    public override MyPayGaStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                return new MyPayGaStatus(string.IsNullOrEmpty(text) ? null : text);
            case JsonTokenType.Number:
                // 200 and 200.0 both mean "200".
                if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number))
                {
                    return new MyPayGaStatus(decimal.Truncate(number).ToString(CultureInfo.InvariantCulture));
                }

                return new MyPayGaStatus(WireJson.NumberText(ref reader));
            case JsonTokenType.True or JsonTokenType.False:
                return new MyPayGaStatus(reader.TokenType == JsonTokenType.True ? "true" : "false");
            default:
                // An object or array where a status was expected: not a success, whatever it holds.
                reader.Skip();
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, MyPayGaStatus value, JsonSerializerOptions options)
    {
        if (value.Raw is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Raw);
        }
    }
}
