namespace MyPayGa.Client.Tests.Infrastructure;

/// <summary>
/// The example responses of MyPayGa's reference (shared/mypayga/api-reference-fr.txt), verbatim, quirks included:
/// refund/send's trailing comma and getClientTransfert's unterminated string are MyPayGa's, not typos here.
/// </summary>
internal static class DocumentedResponses
{
    public const string GetHash = """
{
    "code": "200",
    "message": "References created successfully",
    "hash": "797cb06dacec43b4861a4637759653a2cb126f4f2f4d3d4c4913edadb583a05bf1029",
    "payment_token": "Cr83WMcojwcAnGjMB1U5cGCHY",
    "uniqueID": "1234A"
}
""";

    public const string PaymentRequest = """
{
    "message": "Request Sent.Please Wait.",
    "payment_token": "eagE7x1884MLgyj9MqIAAy4yb",
    "description": "Paiement - MTECH",
    "statusRequest": "200",
    "transaction": {
        "amount": 100,
        "country": "GA",
        "currency": "CFA",
        "id": "1131AJS"
    }
}
""";

    public const string PaymentDetail = """
{"payment": [
        {
            "merchand_ref": "9745",
            "payment_token": "eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E",
            "paymentMethod": "Mobile Money",
            "mobile_callback": 1,
            "OrderStatus": "200",
            "message_data": "Success",
            "totalAmount": 144,
            "clientNumber": "074151522",
            "orderDateTime": "2021-05-15 21:53:38",
            "pmt_banque": "AM",
            "last_4_digits": "0000",
            "nom_prenom_client": null,
            "frais_transaction": 154.032,
            "montant_net": -10.03,
            "final_status": "200"
        }
    ],
    "code": "200",
    "final_status": "200",
    "merchand_ref": "9745",
    "environnement": "production"
}
""";

    public const string SendClientTransfer = """
{
    "message": "Vous avez envoye 100 FCFA à 074XXXXX.",
    "description": "Balance Transfert to client",
    "statusRequest": "200",
    "transfert": {
        "transfert_status": "200",
        "amount": "100",
        "transfert_id": "16sI2OpZHGZ",
        "country": "GA",
        "currency": "CFA"
    }
}
""";

    public const string GetClientTransfer = """
{
    "status": "200",
    "message": "Transaction found",
    "data": [
        {
            "montant_demande": "23000",
            "statut_demande": "Echec-solde ins.",
            "date_demande": "2021-11-05 13:20:52",
            "numero_de_compte": "074654326,
            "description": "Transfert client",
            "type_destinataire": "client"
        }
    ]
}
""";

    public const string GetFees = """
{
    "message": "Request OK.",
    "statusRequest": 200,
    "fees": {
        "merchand_custom_fees": "0.0175",
        "standard_fees": "0.0175",
        "platform_fees": "0",
        "bank_fees": "0.01",
        "fees_source": "merchant",
        "short_partner": "AM",
        "cty_partner": "GA",
        "currency": "CFA"
    }
}
""";

    public const string CreateRefund = """
{
    "message": "Refund created",
    "statusRequest": 200,
    "totalAmount": 100,
    "clientNumber": "07700000",
    "frais_transaction": 2.75,
    "updatedFees": 0,
    "refundId": "rfd_165533.IzkknzlJuU3p"
}
""";

    public const string SendRefund = """
{
    "message": "Refund OK.",
    "refund_id": "rfd_16333.ICJ53p",
    "RefundStatus": "200",
}
""";

    public const string RefundInfo = """
{
    "message": "Refund found",
    "exists": 1,
    "refund": {
        "orderAmount": 100,
        "amount": 100,
        "status": "200",
        "requestDate": "2021-12-07 23:05:33",
        "opeDate": "2021-12-07 23:05:43",
        "paymentMethod": "Airtel Money",
        "refundType": "TO",
        "refundId": "rfd_16333.IVU3p",
        "message": "Remboursement en attente de validation.",
        "description": "description"
    },
    "statusRequest": "200"
}
""";

    public const string GenerateLink = """
{
"message": "Link created",
    "code": 200,
    "link": {
        "order_ref": "s-8mpfjiSj",
        "description": "Test lien API",
        "email": "contact@gmail.com",
        "phone": "074101112",
        "expired": 0,
        "paid": 0,
        "url": "https://mypayga.com/payment/sharedLink/pay?token_url=spjzioguifKmzsaFjNYliv"
    }
}
""";

    public const string GetLink = """
{"message": "Link created",
    "created_at": "2021-11-18 22:20:17",
    "link": {
        "ref": "Re9W4HbO3aZr4A1cxy0v",
        "description": "Test lien API",
        "email": "contact@minerve-tech.com",
        "phone": "074112233",
        "expired": 0,
        "final_status": "400",
        "url": "https://mypayga.com/payment/sharedLink/pay?token_url=Re9W4HbO3aZr4A1cxy0v"
    }
}
""";

    public const string CancelLink = """
{
    "message": "Link updated : Changed to Expired",
    "code": 200,
    "link": "Re9W4HbO3aZr4A1cxy0v"
}
""";
}
