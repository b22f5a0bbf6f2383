using System.Globalization;
using System.Reflection;

namespace MyPayGa.ReferenceChecker;

/// <summary>One run of the comparison: walks every visible type of the reference and collects differences.</summary>
internal sealed class Comparison(
    IReadOnlyList<(Assembly Reference, Assembly Nop)> pairs,
    IReadOnlyList<Assembly> nopAssemblies,
    IReadOnlySet<string> implementedInterfaces,
    IReadOnlySet<string> opaqueTypes)
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private const BindingFlags Inherited =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    private const string InReference = "in the reference";
    private const string InNop = "in nopCommerce";

    private readonly List<Difference> _differences = [];

    public IReadOnlyList<Difference> Run()
    {
        foreach (var (reference, nop) in pairs)
            CompareAssemblies(reference, nop);

        // a listed interface the reference should hold but does not (a typo, or a deleted file); interfaces of
        // assemblies left out of this run (e.g. checking Nop.Core alone) are not reported
        foreach (var name in implementedInterfaces.Order(StringComparer.Ordinal))
        {
            var owner = pairs.Select(pair => pair.Reference)
                .Where(assembly => name.StartsWith(assembly.GetName().Name + ".", StringComparison.Ordinal))
                .MaxBy(assembly => assembly.GetName().Name!.Length);
            if (owner is not null && pairs.All(pair => pair.Reference.GetType(name, throwOnError: false) is null))
                Add(name, $"is listed as implemented by the plugin but the reference does not declare it (expected in {owner.GetName().Name})");
        }

        return _differences;
    }

    private void Add(string subject, string message) => _differences.Add(new Difference(subject, message));

    /// <summary>Runs one comparison step; a type that cannot be resolved becomes a difference, not a crash.</summary>
    private void Guard(string subject, Action step)
    {
        try
        {
            step();
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or TypeLoadException
                                              or BadImageFormatException or NotSupportedException or InvalidOperationException)
        {
            Add(subject, $"cannot be compared, a type does not resolve: {exception.Message}");
        }
    }

    private void CompareAssemblies(Assembly reference, Assembly nop)
    {
        var referenceName = reference.GetName();
        var nopName = nop.GetName();
        var subject = $"assembly {referenceName.Name}";
        if (referenceName.Version != nopName.Version)
            Add(subject, $"version is {nopName.Version} {InNop}, {referenceName.Version} {InReference}");
        var referenceToken = Convert.ToHexString(referenceName.GetPublicKeyToken() ?? []);
        var nopToken = Convert.ToHexString(nopName.GetPublicKeyToken() ?? []);
        if (referenceToken != nopToken)
            Add(subject, $"public key token is '{nopToken}' {InNop}, '{referenceToken}' {InReference}");

        Type[] types;
        try
        {
            types = reference.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            Add(subject, $"cannot list its types: {exception.Message}");
            types = exception.Types.OfType<Type>().ToArray();
        }

        foreach (var type in types.Where(IsVisible).OrderBy(type => type.FullName, StringComparer.Ordinal))
            Guard(TypeNames.Subject(type), () => CompareType(type, nop));
    }

    private void CompareType(Type reference, Assembly nopAssembly)
    {
        var subject = TypeNames.Subject(reference);
        var nop = nopAssembly.GetType(reference.FullName!, throwOnError: false);
        if (nop is null)
        {
            var elsewhere = nopAssemblies
                .Where(assembly => assembly != nopAssembly)
                .Select(assembly => assembly.GetType(reference.FullName!, throwOnError: false))
                .FirstOrDefault(type => type is not null);
            Add(subject, elsewhere is null
                ? $"type not found {InNop} ({nopAssembly.GetName().Name})"
                : $"type is in {elsewhere.Assembly.GetName().Name} {InNop}, not in {nopAssembly.GetName().Name}");
            return;
        }

        if (TypeAccessibility(reference) != TypeAccessibility(nop))
        {
            Add(subject, $"type is {TypeAccessibility(nop)} {InNop}, {TypeAccessibility(reference)} {InReference}");
            if (!IsVisible(nop))
                return;
        }

        if (opaqueTypes.Contains(reference.FullName!))
        {
            // declared only to be named: the kind must agree, the rest of its shape is the real assembly's business
            Check(subject, "kind", Kind(reference), Kind(nop));
            return;
        }

        // a base type or interface that does not resolve must not hide the members' differences
        Guard(subject, () => CompareShape(subject, reference, nop));
        CompareMethods(subject, reference, nop);
        CompareConstructors(subject, reference, nop);
        CompareProperties(subject, reference, nop);
        CompareFields(subject, reference, nop);
        CompareEvents(subject, reference, nop);

        if (reference.IsInterface && implementedInterfaces.Contains(reference.FullName!))
            RequireAllMembers(subject, reference, nop, "the plugin implements this interface, so every member must be declared");
        else if (!reference.IsInterface && nop.IsAbstract && !nop.IsSealed)
            RequireAllMembers(subject, reference, nop, "a class deriving from it must implement it");
    }

    private void CompareShape(string subject, Type reference, Type nop)
    {
        Check(subject, "kind", Kind(reference), Kind(nop));
        if (!reference.IsInterface && !reference.IsValueType)
            Check(subject, "modifiers", ClassModifiers(reference), ClassModifiers(nop));
        if (!reference.IsInterface)
            CheckType(subject, "base type", reference.BaseType, nop.BaseType);

        var referenceInterfaces = reference.GetInterfaces().ToDictionary(TypeNames.Key);
        var nopInterfaces = nop.GetInterfaces().ToDictionary(TypeNames.Key);
        foreach (var (key, type) in referenceInterfaces.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (!nopInterfaces.ContainsKey(key))
                Add(subject, $"implements {TypeNames.Full(type)} {InReference} but not {InNop}");
        }

        foreach (var (key, type) in nopInterfaces.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (!referenceInterfaces.ContainsKey(key) && IsDeclaredInReference(type))
                Add(subject, $"implements {TypeNames.Full(type)} {InNop} but not {InReference}");
        }

        if (reference.IsGenericTypeDefinition)
            CompareGenericParameters(subject, reference.GetGenericArguments(), nop.GetGenericArguments());

        if (IsAttribute(reference))
            Check(subject, "attribute usage", AttributeUsage(reference), AttributeUsage(nop));

        if (reference.IsEnum && nop.IsEnum)
            CheckType(subject, "enum underlying type", reference.GetEnumUnderlyingType(), nop.GetEnumUnderlyingType());
    }

    private void CompareGenericParameters(string subject, Type[] reference, Type[] nop)
    {
        if (reference.Length != nop.Length)
        {
            Add(subject, $"has {nop.Length} generic parameters {InNop}, {reference.Length} {InReference}");
            return;
        }

        for (var index = 0; index < reference.Length; index++)
            Check(subject, $"constraints of generic parameter {reference[index].Name}", Constraints(reference[index]), Constraints(nop[index]));
    }

    private void CompareMethods(string subject, Type reference, Type nop)
    {
        var nopDeclared = nop.GetMethods(Declared).Where(IsVisibleMember).ToList();
        foreach (var method in reference.GetMethods(Declared).Where(IsVisibleMember).Where(method => !IsAccessor(method))
                     .OrderBy(MethodKey, StringComparer.Ordinal))
        {
            var memberSubject = MethodSubject(subject, method);
            Guard(memberSubject, () =>
            {
                var key = MethodKey(method);
                var match = nopDeclared.FirstOrDefault(candidate => MethodKey(candidate) == key);
                if (match is null)
                {
                    ReportMissingMethod(memberSubject, method, nop, key);
                    return;
                }

                CheckType(memberSubject, "return type", method.ReturnType, match.ReturnType);
                CompareInvocable(memberSubject, method, match);
                if (method.IsGenericMethodDefinition)
                    CompareGenericParameters(memberSubject, method.GetGenericArguments(), match.GetGenericArguments());
            });
        }
    }

    private void ReportMissingMethod(string memberSubject, MethodInfo method, Type nop, string key)
    {
        var all = AllMethods(nop).ToList();
        var inherited = all.FirstOrDefault(candidate => MethodKey(candidate) == key);
        if (inherited is not null)
        {
            Add(memberSubject, $"is declared on {TypeNames.Full(inherited.DeclaringType!)} {InNop}, on {TypeNames.Full(method.DeclaringType!)} {InReference}");
            return;
        }

        var sameName = all.Where(candidate => candidate.Name == method.Name).ToList();
        if (sameName.Count == 0)
        {
            Add(memberSubject, $"method not found {InNop}");
            return;
        }

        var parameters = method.GetParameters();
        var sameShape = sameName
            .Where(candidate => candidate.GetParameters().Length == parameters.Length && GenericArity(candidate) == GenericArity(method))
            .ToList();
        if (sameShape.Count == 1)
        {
            var candidateParameters = sameShape[0].GetParameters();
            for (var index = 0; index < parameters.Length; index++)
            {
                var (nopText, referenceText) = Describe(candidateParameters[index].ParameterType, parameters[index].ParameterType);
                if (nopText != referenceText)
                    Add(memberSubject, $"parameter {index + 1} is {nopText} {InNop}, {referenceText} {InReference}");
            }

            return;
        }

        Add(memberSubject, $"no overload with these parameters {InNop}; it has: {string.Join("; ", sameName.Select(Signature))}");
    }

    private void CompareConstructors(string subject, Type reference, Type nop)
    {
        var nopConstructors = nop.GetConstructors(Declared).Where(constructor => !constructor.IsStatic && IsVisibleMember(constructor)).ToList();
        foreach (var constructor in reference.GetConstructors(Declared).Where(constructor => !constructor.IsStatic && IsVisibleMember(constructor)))
        {
            var memberSubject = $"{subject} constructor({ParameterList(constructor)})";
            Guard(memberSubject, () =>
            {
                var key = ParameterKeys(constructor);
                var match = nopConstructors.FirstOrDefault(candidate => ParameterKeys(candidate) == key);
                if (match is null)
                {
                    var existing = nopConstructors.Count == 0 ? "none" : string.Join("; ", nopConstructors.Select(candidate => $"({ParameterList(candidate)})"));
                    Add(memberSubject, $"constructor not found {InNop}; it has: {existing}");
                    return;
                }

                CompareInvocable(memberSubject, constructor, match);
            });
        }
    }

    private void CompareProperties(string subject, Type reference, Type nop)
    {
        foreach (var property in reference.GetProperties(Declared).Where(IsVisibleProperty).OrderBy(PropertyKey, StringComparer.Ordinal))
        {
            var memberSubject = $"{subject}.{PropertySubject(property)}";
            Guard(memberSubject, () =>
            {
                var key = PropertyKey(property);
                var match = nop.GetProperties(Declared).FirstOrDefault(candidate => PropertyKey(candidate) == key);
                if (match is null)
                {
                    var inherited = AllProperties(nop).FirstOrDefault(candidate => PropertyKey(candidate) == key);
                    Add(memberSubject, inherited is null
                        ? $"property not found {InNop}"
                        : $"is declared on {TypeNames.Full(inherited.DeclaringType!)} {InNop}, on {TypeNames.Full(property.DeclaringType!)} {InReference}");
                    return;
                }

                CheckType(memberSubject, "property type", property.PropertyType, match.PropertyType);
                CompareAccessor(memberSubject, "getter", Visible(property.GetGetMethod(nonPublic: true)), Visible(match.GetGetMethod(nonPublic: true)));
                CompareAccessor(memberSubject, "setter", Visible(property.GetSetMethod(nonPublic: true)), Visible(match.GetSetMethod(nonPublic: true)));
            });
        }
    }

    private void CompareAccessor(string subject, string accessor, MethodInfo? reference, MethodInfo? nop)
    {
        if (reference is null)
            return;
        if (nop is null)
        {
            Add(subject, $"has no public or protected {accessor} {InNop}");
            return;
        }

        Check(subject, $"{accessor} accessibility", Accessibility(reference), Accessibility(nop));
        Check(subject, $"{accessor} modifiers", MethodModifiers(reference), MethodModifiers(nop));
        if (accessor == "setter")
            Check(subject, "setter kind", IsInitOnly(reference) ? "init" : "set", IsInitOnly(nop) ? "init" : "set");
    }

    private void CompareFields(string subject, Type reference, Type nop)
    {
        foreach (var field in reference.GetFields(Declared).Where(field => !field.IsSpecialName && IsVisibleMember(field))
                     .OrderBy(field => field.Name, StringComparer.Ordinal))
        {
            var memberSubject = $"{subject}.{field.Name}";
            Guard(memberSubject, () =>
            {
                var match = nop.GetField(field.Name, Declared);
                if (match is null || !IsVisibleMember(match))
                {
                    Add(memberSubject, reference.IsEnum ? $"enum member not found {InNop}" : $"field not found {InNop}");
                    return;
                }

                if (reference.IsEnum)
                {
                    Check(memberSubject, "value", FormatValue(field.GetRawConstantValue()), FormatValue(match.GetRawConstantValue()));
                    return;
                }

                CheckType(memberSubject, "field type", field.FieldType, match.FieldType);
                Check(memberSubject, "accessibility", Accessibility(field), Accessibility(match));
                Check(memberSubject, "modifiers", FieldModifiers(field), FieldModifiers(match));
                if (field.IsLiteral && match.IsLiteral)
                    Check(memberSubject, "value", FormatValue(field.GetRawConstantValue()), FormatValue(match.GetRawConstantValue()));
            });
        }
    }

    private void CompareEvents(string subject, Type reference, Type nop)
    {
        foreach (var @event in reference.GetEvents(Declared).Where(@event => Visible(@event.GetAddMethod(nonPublic: true)) is not null)
                     .OrderBy(@event => @event.Name, StringComparer.Ordinal))
        {
            var memberSubject = $"{subject}.{@event.Name}";
            Guard(memberSubject, () =>
            {
                var match = nop.GetEvent(@event.Name, Declared);
                var nopAdd = Visible(match?.GetAddMethod(nonPublic: true));
                if (match is null || nopAdd is null)
                {
                    Add(memberSubject, $"event not found {InNop}");
                    return;
                }

                CheckType(memberSubject, "event type", @event.EventHandlerType, match.EventHandlerType);
                var add = @event.GetAddMethod(nonPublic: true)!;
                Check(memberSubject, "accessibility", Accessibility(add), Accessibility(nopAdd));
                Check(memberSubject, "modifiers", MethodModifiers(add), MethodModifiers(nopAdd));
            });
        }
    }

    /// <summary>Every abstract member nopCommerce declares on the type must be declared in the reference too.</summary>
    private void RequireAllMembers(string subject, Type reference, Type nop, string why)
    {
        var referenceKeys = reference.GetMethods(Declared).Select(MethodKey).ToHashSet(StringComparer.Ordinal);
        foreach (var method in nop.GetMethods(Declared).Where(method => method.IsAbstract && IsVisibleMember(method))
                     .OrderBy(MethodKey, StringComparer.Ordinal))
        {
            Guard(subject, () =>
            {
                if (!referenceKeys.Contains(MethodKey(method)))
                    Add(subject, $"nopCommerce's member {MemberDescription(method)} is missing {InReference} ({why})");
            });
        }
    }

    private void CompareInvocable(string subject, MethodBase reference, MethodBase nop)
    {
        Check(subject, "accessibility", Accessibility(reference), Accessibility(nop));
        Check(subject, "modifiers", MethodModifiers(reference), MethodModifiers(nop));

        var referenceParameters = reference.GetParameters();
        var nopParameters = nop.GetParameters();
        for (var index = 0; index < referenceParameters.Length; index++)
        {
            var referenceParameter = referenceParameters[index];
            var nopParameter = nopParameters[index];
            var label = $"parameter {index + 1}";
            Check(subject, $"{label} name", referenceParameter.Name ?? "", nopParameter.Name ?? "");
            Check(subject, $"{label} direction", Direction(referenceParameter), Direction(nopParameter));
            Check(subject, $"{label} params", IsParams(referenceParameter) ? "params" : "not params", IsParams(nopParameter) ? "params" : "not params");
            Check(subject, $"{label} ({referenceParameter.Name}) default value", DefaultValue(referenceParameter), DefaultValue(nopParameter));
        }
    }

    private void Check(string subject, string what, string reference, string nop)
    {
        if (!string.Equals(reference, nop, StringComparison.Ordinal))
            Add(subject, $"{what} is {nop} {InNop}, {reference} {InReference}");
    }

    private void CheckType(string subject, string what, Type? reference, Type? nop)
    {
        var referenceKey = reference is null ? "none" : TypeNames.Key(reference);
        var nopKey = nop is null ? "none" : TypeNames.Key(nop);
        if (referenceKey == nopKey)
            return;
        var (nopText, referenceText) = reference is null || nop is null ? (nopKey, referenceKey) : Describe(nop, reference);
        Add(subject, $"{what} is {nopText} {InNop}, {referenceText} {InReference}");
    }

    /// <summary>Full names, or keys (with the assembly) when only the assembly differs.</summary>
    private static (string Nop, string Reference) Describe(Type nop, Type reference)
    {
        var nopText = TypeNames.Full(nop);
        var referenceText = TypeNames.Full(reference);
        return nopText == referenceText && TypeNames.Key(nop) != TypeNames.Key(reference)
            ? (TypeNames.Key(nop), TypeNames.Key(reference))
            : (nopText, referenceText);
    }

    private bool IsDeclaredInReference(Type type)
    {
        var definition = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        if (!TypeNames.IsNopAssembly(definition.Assembly))
            return true;
        return pairs.Any(pair => pair.Reference.GetType(definition.FullName!, throwOnError: false) is not null);
    }

    private static IEnumerable<MethodInfo> AllMethods(Type type)
    {
        var methods = type.GetMethods(Inherited).Where(IsVisibleMember);
        return type.IsInterface
            ? methods.Concat(type.GetInterfaces().SelectMany(parent => parent.GetMethods(Declared)))
            : methods;
    }

    private static IEnumerable<PropertyInfo> AllProperties(Type type)
    {
        var properties = type.GetProperties(Inherited).Where(IsVisibleProperty);
        return type.IsInterface
            ? properties.Concat(type.GetInterfaces().SelectMany(parent => parent.GetProperties(Declared)))
            : properties;
    }

    private static bool IsVisible(Type type) =>
        type.IsNested
            ? (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!)
            : type.IsPublic;

    private static bool IsVisibleMember(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisibleMember(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static bool IsVisibleProperty(PropertyInfo property) =>
        Visible(property.GetGetMethod(nonPublic: true)) is not null || Visible(property.GetSetMethod(nonPublic: true)) is not null;

    private static MethodInfo? Visible(MethodInfo? method) => method is not null && IsVisibleMember(method) ? method : null;

    private static bool IsAccessor(MethodInfo method) =>
        method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal)
                                 || method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static bool IsAttribute(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "System.Attribute")
                return true;
        }

        return false;
    }

    private static int GenericArity(MethodInfo method) => method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0;

    private static string ParameterKeys(MethodBase method) =>
        string.Join(",", method.GetParameters().Select(parameter => TypeNames.Key(parameter.ParameterType)));

    private static string MethodKey(MethodInfo method)
    {
        var key = $"{method.Name}`{GenericArity(method)}({ParameterKeys(method)})";
        // conversion operators differ only by their return type
        return method.Name is "op_Implicit" or "op_Explicit" ? $"{key}:{TypeNames.Key(method.ReturnType)}" : key;
    }

    private static string PropertyKey(PropertyInfo property)
    {
        var index = property.GetIndexParameters();
        return index.Length == 0
            ? property.Name
            : $"{property.Name}[{string.Join(",", index.Select(parameter => TypeNames.Key(parameter.ParameterType)))}]";
    }

    private static string PropertySubject(PropertyInfo property)
    {
        var index = property.GetIndexParameters();
        return index.Length == 0
            ? property.Name
            : $"{property.Name}[{string.Join(", ", index.Select(parameter => TypeNames.Short(parameter.ParameterType)))}]";
    }

    private static string ParameterList(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(parameter => Direction(parameter) switch
        {
            "out" => "out ",
            "ref" => "ref ",
            "in" => "in ",
            _ => "",
        } + TypeNames.Short(parameter.ParameterType)));

    private static string MethodSubject(string typeSubject, MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition
            ? $"<{string.Join(", ", method.GetGenericArguments().Select(argument => argument.Name))}>"
            : "";
        return $"{typeSubject}.{method.Name}{generic}({ParameterList(method)})";
    }

    private static string Signature(MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition
            ? $"<{string.Join(", ", method.GetGenericArguments().Select(argument => argument.Name))}>"
            : "";
        return $"{TypeNames.Short(method.ReturnType)} {method.Name}{generic}({ParameterList(method)})";
    }

    private static string MemberDescription(MethodInfo method)
    {
        if (method.IsSpecialName && method.Name.IndexOf('_', StringComparison.Ordinal) is > 0 and var separator)
        {
            var accessor = method.Name[..separator];
            var name = method.Name[(separator + 1)..];
            return accessor switch
            {
                "get" => $"{name} (getter)",
                "set" => $"{name} (setter)",
                "add" or "remove" => $"event {name} ({accessor})",
                _ => Signature(method),
            };
        }

        return Signature(method);
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface"
        : type.IsEnum ? "enum"
        : type.IsValueType ? "struct"
        : type.BaseType?.FullName == "System.MulticastDelegate" ? "delegate"
        : "class";

    private static string ClassModifiers(Type type) =>
        type.IsAbstract && type.IsSealed ? "static"
        : type.IsAbstract ? "abstract"
        : type.IsSealed ? "sealed"
        : "none";

    private static string TypeAccessibility(Type type) =>
        !type.IsNested ? (type.IsPublic ? "public" : "internal")
        : type.IsNestedPublic ? "public"
        : type.IsNestedFamily ? "protected"
        : type.IsNestedFamORAssem ? "protected internal"
        : type.IsNestedFamANDAssem ? "private protected"
        : type.IsNestedAssembly ? "internal"
        : "private";

    private static string Accessibility(MethodBase method) =>
        method.IsPublic ? "public"
        : method.IsFamily ? "protected"
        : method.IsFamilyOrAssembly ? "protected internal"
        : method.IsFamilyAndAssembly ? "private protected"
        : method.IsAssembly ? "internal"
        : "private";

    private static string Accessibility(FieldInfo field) =>
        field.IsPublic ? "public"
        : field.IsFamily ? "protected"
        : field.IsFamilyOrAssembly ? "protected internal"
        : field.IsFamilyAndAssembly ? "private protected"
        : field.IsAssembly ? "internal"
        : "private";

    /// <summary>What a caller or an overriding class binds to: static, abstract, overridable (new slot or override) or not.</summary>
    private static string MethodModifiers(MethodBase method)
    {
        var parts = new List<string>();
        if (method.IsStatic)
            parts.Add("static");
        if (method.IsAbstract)
            parts.Add("abstract");
        else if (method.IsVirtual && !method.IsFinal)
            parts.Add((method.Attributes & MethodAttributes.NewSlot) != 0 ? "virtual" : "override");
        return parts.Count == 0 ? "non-virtual" : string.Join(" ", parts);
    }

    private static string FieldModifiers(FieldInfo field)
    {
        var parts = new List<string>();
        if (field.IsLiteral)
            parts.Add("const");
        else
        {
            if (field.IsStatic)
                parts.Add("static");
            if (field.IsInitOnly)
                parts.Add("readonly");
        }

        return parts.Count == 0 ? "instance" : string.Join(" ", parts);
    }

    private static string Constraints(Type parameter)
    {
        var flags = parameter.GenericParameterAttributes
                    & (GenericParameterAttributes.VarianceMask | GenericParameterAttributes.SpecialConstraintMask);
        var types = parameter.GetGenericParameterConstraints().Select(TypeNames.Key).Order(StringComparer.Ordinal);
        return $"[{flags}; {string.Join(", ", types)}]";
    }

    private static string AttributeUsage(Type type)
    {
        var usage = type.GetCustomAttributesData().FirstOrDefault(data => data.AttributeType.FullName == "System.AttributeUsageAttribute");
        if (usage is null)
            return "(not declared)";
        var arguments = usage.ConstructorArguments.Select(argument => FormatValue(argument.Value))
            .Concat(usage.NamedArguments.OrderBy(argument => argument.MemberName, StringComparer.Ordinal)
                .Select(argument => $"{argument.MemberName}={FormatValue(argument.TypedValue.Value)}"));
        return $"({string.Join(", ", arguments)})";
    }

    private static string Direction(ParameterInfo parameter) =>
        !parameter.ParameterType.IsByRef ? "value"
        : parameter.IsOut && !parameter.IsIn ? "out"
        : parameter.IsIn && !parameter.IsOut ? "in"
        : "ref";

    private static bool IsParams(ParameterInfo parameter) =>
        parameter.GetCustomAttributesData().Any(data => data.AttributeType.FullName == "System.ParamArrayAttribute");

    private static string DefaultValue(ParameterInfo parameter)
    {
        if (!parameter.HasDefaultValue)
            return parameter.IsOptional ? "optional without value" : "none";
        return FormatValue(parameter.RawDefaultValue);
    }

    private static bool IsInitOnly(MethodInfo setter)
    {
        try
        {
            return setter.ReturnParameter.GetRequiredCustomModifiers()
                .Any(modifier => modifier.FullName == "System.Runtime.CompilerServices.IsExternalInit");
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        char character => $"'{character}'",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? "",
    };
}
