package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.cloud.Vpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The VPC page's "create a new VPC" form: the VPC's name and CIDR and its subnet's, checked before
 * anything is asked of the cloud. The subnet's gateway is its first address, as the VPC console
 * proposes.
 */
public final class NewVpcForm {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private final StringProperty vpcName = new SimpleStringProperty("vpc-gateway");
    private final StringProperty vpcCidr = new SimpleStringProperty("192.168.0.0/16");
    private final StringProperty subnetName = new SimpleStringProperty("subnet-gateway");
    private final StringProperty subnetCidr = new SimpleStringProperty("192.168.1.0/24");

    /** What the cloud is asked to create, read on the FX thread; {@link #create} runs on a worker. */
    record Plan(String vpcName, String vpcCidr, String subnetName, String subnetCidr, String gatewayIp) {
        /** The new VPC, its subnet created in it (picking the VPC lists its subnets again). */
        Vpc create(HuaweiCloud cloud) {
            Vpc vpc = cloud.vpc().createVpc(vpcName, vpcCidr);
            cloud.vpc().createSubnet(vpc.id(), subnetName, subnetCidr, gatewayIp);
            return vpc;
        }
    }

    /** The four fields, for whoever shows the form's problem. */
    Observable[] fields() {
        return new Observable[] {vpcName, vpcCidr, subnetName, subnetCidr};
    }

    /** The first field in the way, naming it, or "". */
    String problem() {
        if (vpcName.get().isBlank()) {
            return "Give the new VPC a name.";
        }
        long[] vpc = parse(vpcCidr.get());
        if (vpc == null) {
            return "VPC CIDR: " + vpcCidr.get() + " is not a block such as 192.168.0.0/16.";
        }
        if (subnetName.get().isBlank()) {
            return "Give the new subnet a name.";
        }
        long[] subnet = parse(subnetCidr.get());
        if (subnet == null) {
            return "Subnet CIDR: " + subnetCidr.get() + " is not a block such as 192.168.1.0/24.";
        }
        if (subnet[1] < vpc[1] || (subnet[0] >> (32 - vpc[1])) != (vpc[0] >> (32 - vpc[1])) || subnet[1] > 29) {
            return "Subnet CIDR: " + subnetCidr.get() + " must lie inside " + vpcCidr.get() + " and hold a few addresses (/29 at most).";
        }
        return "";
    }

    Plan plan() {
        long[] subnet = parse(subnetCidr.get());
        long gateway = subnet[0] + 1;
        String gatewayIp = (gateway >> 24 & 255) + "." + (gateway >> 16 & 255) + "." + (gateway >> 8 & 255) + "." + (gateway & 255);
        return new Plan(vpcName.get().strip(), vpcCidr.get().strip(), subnetName.get().strip(), subnetCidr.get().strip(),
                gatewayIp);
    }

    /** The network address and prefix length of {@code cidr}, or null when it is not one. */
    private static long[] parse(String cidr) {
        Matcher m = CIDR.matcher(cidr.strip());
        if (!m.matches()) {
            return null;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < 8 || prefix > 32 || (prefix < 32 && (address & ((1L << (32 - prefix)) - 1)) != 0)) {
            return null; // host bits set: not a block's first address
        }
        return new long[] {address, prefix};
    }

    public StringProperty vpcNameProperty() {
        return vpcName;
    }

    public StringProperty vpcCidrProperty() {
        return vpcCidr;
    }

    public StringProperty subnetNameProperty() {
        return subnetName;
    }

    public StringProperty subnetCidrProperty() {
        return subnetCidr;
    }
}
