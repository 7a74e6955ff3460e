using System.Reflection;
using System.Reflection.Emit;

namespace SoraStudio.Web.Tests.Architecture;

/// <summary>
/// What compiled code refers to: the members a method's IL calls, reads, writes or names, and every type a type
/// mentions in its signatures or bodies. Compiled Razor components are types like any other, so this sees them too.
/// </summary>
internal static class IlReferences
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static
        | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The methods and constructors a type declares, those of its lambdas and async state machines included (they are nested types).</summary>
    public static IEnumerable<MethodBase> MethodsOf(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));

    /// <summary>The members and types named by the operands of a method's IL.</summary>
    public static IEnumerable<MemberInfo> Of(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
                value = (short)(0xFE00 | il[position++]);
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
                yield return method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!;
            position += OperandSize(opCode.OperandType, il, position);
        }
    }

    /// <summary>Every type a type mentions: base type, interfaces, members' signatures, attributes, and what its code refers to.</summary>
    public static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var mentioned = new List<Type?> { type.BaseType };
        mentioned.AddRange(type.GetInterfaces());
        mentioned.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        mentioned.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        mentioned.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in MethodsOf(type))
        {
            if (method is MethodInfo info)
                mentioned.Add(info.ReturnType);
            mentioned.AddRange(method.GetParameters().Select(p => p.ParameterType));
            foreach (var member in Of(method))
                mentioned.Add(member as Type ?? member.DeclaringType);
        }
        return mentioned.OfType<Type>().SelectMany(Unwrap).Distinct();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
            return Unwrap(type.GetElementType()!);
        if (type.IsConstructedGenericType)
            return type.GetGenericArguments().SelectMany(Unwrap).Append(type.GetGenericTypeDefinition());
        return [type];
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
