using System.Security.Cryptography;

namespace MyPayGa.Sandbox.Domain;

/// <summary>Random identifiers shaped like MyPayGa's.</summary>
public static class Ids
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Digits = "0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Alphanumerics, length);

    /// <summary>25 alphanumerics, like "Cr83WMcojwcAnGjMB1U5cGCHY".</summary>
    public static string PaymentToken() => Alphanumeric(25);

    /// <summary>7 characters, like "1131AJS".</summary>
    public static string TransactionId() =>
        RandomNumberGenerator.GetString(Digits, 4) + RandomNumberGenerator.GetString(Upper, 3);

    /// <summary>"rfd_" + 6 digits + "." + 12 alphanumerics, like "rfd_165533.IzkknzlJuU3p".</summary>
    public static string RefundId() => $"rfd_{RandomNumberGenerator.GetString(Digits, 6)}.{Alphanumeric(12)}";

    /// <summary>11 alphanumerics, like "16sI2OpZHGZ".</summary>
    public static string TransferId() => Alphanumeric(11);

    /// <summary>"s-" + 8 alphanumerics, like "s-8mpfjiSj".</summary>
    public static string LinkOrderRef() => "s-" + Alphanumeric(8);

    /// <summary>20 alphanumerics, like "Re9W4HbO3aZr4A1cxy0v".</summary>
    public static string LinkToken() => Alphanumeric(20);
}
