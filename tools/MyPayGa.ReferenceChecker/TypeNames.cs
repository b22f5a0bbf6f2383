using System.Reflection;

namespace MyPayGa.ReferenceChecker;

/// <summary>
/// Names of types that can be compared across two metadata load contexts. A key is what the runtime binds
/// by: full name, generic arguments, ref/array shape, generic parameters by position, and the assembly for
/// nopCommerce's own types (a type in the wrong Nop assembly does not load). Nullability annotations are
/// attributes and are ignored.
/// </summary>
internal static class TypeNames
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["System.Void"] = "void",
        ["System.Object"] = "object",
        ["System.String"] = "string",
        ["System.Boolean"] = "bool",
        ["System.Byte"] = "byte",
        ["System.SByte"] = "sbyte",
        ["System.Int16"] = "short",
        ["System.UInt16"] = "ushort",
        ["System.Int32"] = "int",
        ["System.UInt32"] = "uint",
        ["System.Int64"] = "long",
        ["System.UInt64"] = "ulong",
        ["System.Single"] = "float",
        ["System.Double"] = "double",
        ["System.Decimal"] = "decimal",
        ["System.Char"] = "char",
    };

    public static bool IsNopAssembly(Assembly assembly) =>
        assembly.GetName().Name?.StartsWith("Nop.", StringComparison.Ordinal) == true;

    /// <summary>The comparison key.</summary>
    public static string Key(Type type) => Format(type, forKey: true);

    /// <summary>Full name for messages, e.g. System.Collections.Generic.IList`1[Nop.Core.Domain.Orders.ShoppingCartItem].</summary>
    public static string Full(Type type) => Format(type, forKey: false);

    /// <summary>C#-like short name for subjects, e.g. IList&lt;ShoppingCartItem&gt;.</summary>
    public static string Short(Type type)
    {
        if (type.IsByRef)
            return Short(type.GetElementType()!);
        if (type.IsPointer)
            return Short(type.GetElementType()!) + "*";
        if (type.IsArray)
            return Short(type.GetElementType()!) + (type.IsSZArray ? "[]" : $"[{new string(',', type.GetArrayRank() - 1)}]");
        if (type.IsGenericParameter)
            return type.Name;
        if (type.IsConstructedGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition.FullName == "System.Nullable`1")
                return Short(type.GetGenericArguments()[0]) + "?";
            return $"{StripArity(definition.Name)}<{string.Join(", ", type.GetGenericArguments().Select(Short))}>";
        }

        if (type.FullName is { } fullName && Keywords.TryGetValue(fullName, out var keyword))
            return keyword;
        var name = type.IsGenericTypeDefinition
            ? $"{StripArity(type.Name)}<{string.Join(", ", type.GetGenericArguments().Select(argument => argument.Name))}>"
            : type.Name;
        return type.IsNested ? $"{Short(type.DeclaringType!)}.{name}" : name;
    }

    /// <summary>Subject of a type: its namespace-qualified C#-like name.</summary>
    public static string Subject(Type type) =>
        type.IsNested ? $"{Subject(type.DeclaringType!)}.{ShortName(type)}"
            : string.IsNullOrEmpty(type.Namespace) ? ShortName(type) : $"{type.Namespace}.{ShortName(type)}";

    private static string ShortName(Type type) =>
        type.IsGenericTypeDefinition
            ? $"{StripArity(type.Name)}<{string.Join(", ", type.GetGenericArguments().Where(argument => argument.DeclaringType == type).Select(argument => argument.Name))}>"
            : type.Name;

    private static string StripArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Format(Type type, bool forKey)
    {
        if (type.IsByRef)
            return Format(type.GetElementType()!, forKey) + "&";
        if (type.IsPointer)
            return Format(type.GetElementType()!, forKey) + "*";
        if (type.IsArray)
            return Format(type.GetElementType()!, forKey) + (type.IsSZArray ? "[]" : $"[{new string(',', type.GetArrayRank() - 1)}]");
        if (type.IsGenericParameter)
        {
            if (!forKey)
                return type.Name;
            return (type.DeclaringMethod is not null ? "!!" : "!") + type.GenericParameterPosition;
        }

        if (type.IsConstructedGenericType)
        {
            var arguments = string.Join(",", type.GetGenericArguments().Select(argument => Format(argument, forKey)));
            return $"{Format(type.GetGenericTypeDefinition(), forKey)}[{arguments}]";
        }

        var name = NamedType(type);
        return forKey && IsNopAssembly(type.Assembly) ? $"{name} in {type.Assembly.GetName().Name}" : name;
    }

    private static string NamedType(Type type) =>
        type.IsNested ? $"{NamedType(type.DeclaringType!)}+{type.Name}"
            : string.IsNullOrEmpty(type.Namespace) ? type.Name : $"{type.Namespace}.{type.Name}";
}
