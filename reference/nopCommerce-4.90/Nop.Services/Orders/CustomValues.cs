using System.Globalization;
using System.Xml.Linq;

namespace Nop.Services.Orders;

// All bodies are minimal working ones for tests. The XML layout is the one nopCommerce stores in
// Order.CustomValuesXml: <DictionarySerializer><item><key/><value/><displayToCustomer/><location/><createdOn/></item>...
public partial class CustomValues : List<CustomValue>
{
    // reference: minimal working body for tests
    public virtual List<CustomValue> GetValuesByDisplayLocation(CustomValueDisplayLocation displayLocation) =>
        FindAll(item => item.DisplayLocation == displayLocation);

    // reference: minimal working body for tests
    public virtual string SerializeToXml()
    {
        if (Count == 0)
            return string.Empty;

        var items = ConvertAll(item => new XElement("item",
            new XElement("key", item.Name),
            new XElement("value", item.Value),
            new XElement("displayToCustomer", item.DisplayToCustomer),
            new XElement("location", (int)item.DisplayLocation),
            new XElement("createdOn", item.CreatedOnUtc.HasValue ? item.CreatedOnUtc.Value.Ticks : 0L)));

        // saved as a document (with its XML declaration), like the value nopCommerce stores
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new XDocument(new XElement("DictionarySerializer", items)).Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    // reference: minimal working body for tests (malformed XML leaves the list empty, as in nopCommerce)
    public virtual void FillByXml(string customValuesXml, bool displayToCustomerOnly = false)
    {
        Clear();
        if (string.IsNullOrWhiteSpace(customValuesXml))
            return;

        var parsed = new List<CustomValue>();
        try
        {
            foreach (var element in XElement.Parse(customValuesXml).Elements("item"))
            {
                var location = int.TryParse(element.Element("location")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    && Enum.IsDefined(typeof(CustomValueDisplayLocation), number)
                    ? (CustomValueDisplayLocation)number
                    : CustomValueDisplayLocation.Payment;
                var visible = !bool.TryParse(element.Element("displayToCustomer")?.Value, out var flag) || flag;
                DateTime? createdOn = long.TryParse(element.Element("createdOn")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks > 0
                    ? new DateTime(ticks)
                    : null;

                if (visible || !displayToCustomerOnly)
                    parsed.Add(new CustomValue(element.Element("key").Value, element.Element("value").Value, location, visible, createdOn));
            }
        }
        catch (Exception)
        {
            return;
        }

        AddRange(parsed);
    }

    // reference: minimal working body for tests
    public virtual bool Remove(string name) => TryGetValue(name, out var found) && Remove(found);

    // reference: minimal working body for tests
    public virtual bool TryGetValue(string name, out CustomValue customValue)
    {
        customValue = Find(item => item.Name.Equals(name));
        return customValue != null;
    }

    // reference: minimal working body for tests (get throws InvalidOperationException when the name is missing)
    public virtual string this[string name]
    {
        get => this.First(item => item.Name.Equals(name)).Value;
        set
        {
            Remove(name);
            Add(new CustomValue(name, value));
        }
    }
}
