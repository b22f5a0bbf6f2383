using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    // reference: minimal working body for tests (the filter checks nothing; nopCommerce's checks the permission)
    public CheckPermissionAttribute(string permissionSystemName, CheckPermissionResultType resultType = CheckPermissionResultType.Default)
        : base(typeof(NoPermissionCheckFilter))
    {
        PermissionSystemName.Add(permissionSystemName);
        ResultType = resultType;
    }

    // reference: minimal working body for tests (the filter checks nothing; nopCommerce's checks the permissions)
    public CheckPermissionAttribute(string[] permissionSystemNames, CheckPermissionResultType resultType = CheckPermissionResultType.Default)
        : base(typeof(NoPermissionCheckFilter))
    {
        PermissionSystemName.AddRange(permissionSystemNames);
        ResultType = resultType;
    }

    public List<string> PermissionSystemName { get; } = [];

    public CheckPermissionResultType ResultType { get; }

    private sealed class NoPermissionCheckFilter : IAsyncAuthorizationFilter
    {
        public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
    }

    public enum CheckPermissionResultType
    {
        Default = 0,
        Html = 1,
        Text = 2,
        Json = 3
    }
}
