"""Provide the fictional demo content loaded by ``manage.py seed_demo``.

Keep this module pure data: plain Python literals only, no imports of project
code and no side effects. Every organisation, person, product, research result
and open resource below is invented for demonstration purposes; any resemblance
to a real company or institution is coincidental. Government departments use
plausible public-body names, but their contact details are fictional too.

Follow these conventions when editing:

* Reference organisations by ``key`` and chain nodes as ``"<chain slug>/<node key>"``.
* Use only 4-digit leaf codes of GB/T 4754-2017 for ``industry`` / ``industries``.
* Use two-digit GB/T 2260 province codes for ``province``.
* Keep titles unique within each list.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Industrial chains (产业链图谱)
# ---------------------------------------------------------------------------

CHAINS = [
    {
        "slug": "ic",
        "name": "集成电路",
        "description": (
            "集成电路产业链覆盖EDA与IP、半导体材料与设备、芯片设计、晶圆制造和封装测试等环节。"
            "平台聚焦材料、零部件与车规芯片的国产化验证，推动龙头企业开放工艺平台与验证机会。"
            "下游重点对接消费电子、汽车电子与工业控制三大应用场景。"
        ),
        "nodes": [
            {
                "key": "eda",
                "name": "EDA与IP",
                "stage": "upstream",
                "industries": ["6512", "6520"],
                "children": [
                    {"key": "eda-tools", "name": "EDA工具软件", "stage": "upstream", "industries": ["6512"], "children": []},
                    {"key": "ip-core", "name": "半导体IP核", "stage": "upstream", "industries": ["6520"], "children": []},
                ],
            },
            {
                "key": "materials",
                "name": "半导体材料",
                "stage": "upstream",
                "industries": ["3985"],
                "children": [
                    {"key": "wafer", "name": "硅片与衬底", "stage": "upstream", "industries": ["3985", "3218"], "children": []},
                    {"key": "photoresist", "name": "光刻胶及配套试剂", "stage": "upstream", "industries": ["3985"], "children": []},
                    {"key": "specialty-gas", "name": "电子特气", "stage": "upstream", "industries": ["3985", "2619"], "children": []},
                    {"key": "wet-chem", "name": "湿电子化学品", "stage": "upstream", "industries": ["2661", "3985"], "children": []},
                    {"key": "cmp", "name": "CMP抛光材料", "stage": "upstream", "industries": ["3985"], "children": []},
                ],
            },
            {
                "key": "equipment",
                "name": "半导体设备",
                "stage": "upstream",
                "industries": ["3562"],
                "children": [
                    {"key": "etch-depo", "name": "刻蚀与薄膜沉积设备", "stage": "upstream", "industries": ["3562"], "children": []},
                    {"key": "metrology", "name": "量测与缺陷检测设备", "stage": "upstream", "industries": ["3562", "4028"], "children": []},
                    {"key": "parts", "name": "设备核心零部件", "stage": "upstream", "industries": ["3562", "3441"], "children": []},
                ],
            },
            {
                "key": "design",
                "name": "芯片设计",
                "stage": "midstream",
                "industries": ["6520"],
                "children": [
                    {"key": "analog", "name": "模拟与电源管理芯片", "stage": "midstream", "industries": ["6520"], "children": []},
                    {"key": "mcu", "name": "MCU与SoC芯片", "stage": "midstream", "industries": ["6520"], "children": []},
                    {"key": "sensor-chip", "name": "MEMS与传感器芯片", "stage": "midstream", "industries": ["6520", "3983"], "children": []},
                ],
            },
            {
                "key": "fab",
                "name": "晶圆制造",
                "stage": "midstream",
                "industries": ["3973"],
                "children": [
                    {"key": "logic-fab", "name": "逻辑与特色工艺代工", "stage": "midstream", "industries": ["3973"], "children": []},
                    {"key": "power-device", "name": "功率半导体器件", "stage": "midstream", "industries": ["3972"], "children": []},
                ],
            },
            {
                "key": "packaging",
                "name": "封装测试",
                "stage": "midstream",
                "industries": ["3973"],
                "children": [
                    {"key": "adv-packaging", "name": "先进封装", "stage": "midstream", "industries": ["3973"], "children": []},
                    {"key": "test", "name": "晶圆测试与成品测试", "stage": "midstream", "industries": ["3973", "3562"], "children": []},
                ],
            },
            {
                "key": "applications",
                "name": "下游应用",
                "stage": "downstream",
                "industries": ["3922", "3962", "4011"],
                "children": [
                    {"key": "consumer", "name": "消费电子", "stage": "downstream", "industries": ["3922", "3961"], "children": []},
                    {"key": "auto-electronics", "name": "汽车电子", "stage": "downstream", "industries": ["3962", "3670"], "children": []},
                    {"key": "industrial-control", "name": "工业控制", "stage": "downstream", "industries": ["4011", "3914"], "children": []},
                ],
            },
        ],
    },
    {
        "slug": "nev",
        "name": "新能源汽车",
        "description": (
            "新能源汽车产业链由电池材料、车规功率半导体、轻量化材料等上游环节，"
            "动力电池、电驱动、智能网联与热管理等核心系统，以及整车制造和充换电、回收利用组成。"
            "平台以整车和电池龙头企业的供应链准入与测试资源为牵引，带动专精特新企业配套。"
        ),
        "nodes": [
            {
                "key": "battery-materials",
                "name": "动力电池材料",
                "stage": "upstream",
                "industries": ["3985", "3091", "2921"],
                "children": [
                    {"key": "cathode", "name": "正极材料", "stage": "upstream", "industries": ["3985", "2613"], "children": []},
                    {"key": "anode", "name": "负极材料", "stage": "upstream", "industries": ["3091"], "children": []},
                    {"key": "separator", "name": "隔膜与电解液", "stage": "upstream", "industries": ["2921", "2661"], "children": []},
                ],
            },
            {
                "key": "power-semis",
                "name": "车规功率半导体",
                "stage": "upstream",
                "industries": ["3972"],
                "children": [
                    {"key": "sic-device", "name": "碳化硅功率器件", "stage": "upstream", "industries": ["3972"], "children": []},
                    {"key": "igbt-module", "name": "IGBT功率模块", "stage": "upstream", "industries": ["3972", "3824"], "children": []},
                ],
            },
            {
                "key": "lightweight",
                "name": "轻量化材料与部件",
                "stage": "upstream",
                "industries": ["3392", "3062"],
                "children": [
                    {"key": "die-casting", "name": "一体化压铸件", "stage": "upstream", "industries": ["3392"], "children": []},
                    {"key": "composites", "name": "复合材料部件", "stage": "upstream", "industries": ["3062"], "children": []},
                ],
            },
            {
                "key": "battery",
                "name": "动力电池系统",
                "stage": "midstream",
                "industries": ["3841"],
                "children": [
                    {"key": "cell", "name": "电芯", "stage": "midstream", "industries": ["3841"], "children": []},
                    {"key": "bms", "name": "电池管理系统", "stage": "midstream", "industries": ["3670"], "children": []},
                    {"key": "pack", "name": "电池包与储能系统", "stage": "midstream", "industries": ["3841", "3670"], "children": []},
                ],
            },
            {
                "key": "e-drive",
                "name": "电驱动系统",
                "stage": "midstream",
                "industries": ["3670", "3812"],
                "children": [
                    {"key": "motor", "name": "驱动电机", "stage": "midstream", "industries": ["3812"], "children": []},
                    {"key": "inverter", "name": "电机控制器", "stage": "midstream", "industries": ["3670", "3824"], "children": []},
                    {"key": "reducer", "name": "减速器与齿轮", "stage": "midstream", "industries": ["3453"], "children": []},
                ],
            },
            {
                "key": "intelligent",
                "name": "智能网联",
                "stage": "midstream",
                "industries": ["3962"],
                "children": [
                    {"key": "adas", "name": "智能驾驶域控制", "stage": "midstream", "industries": ["3962"], "children": []},
                    {"key": "lidar", "name": "激光雷达与毫米波雷达", "stage": "midstream", "industries": ["3940", "3976"], "children": []},
                    {"key": "cockpit", "name": "智能座舱", "stage": "midstream", "industries": ["3962", "6513"], "children": []},
                ],
            },
            {
                "key": "thermal-chassis",
                "name": "热管理与底盘",
                "stage": "midstream",
                "industries": ["3670"],
                "children": [
                    {"key": "thermal", "name": "整车热管理", "stage": "midstream", "industries": ["3670", "3464"], "children": []},
                    {"key": "brake-by-wire", "name": "线控底盘", "stage": "midstream", "industries": ["3670"], "children": []},
                ],
            },
            {
                "key": "vehicle",
                "name": "整车制造",
                "stage": "downstream",
                "industries": ["3612"],
                "children": [
                    {"key": "passenger", "name": "新能源乘用车", "stage": "downstream", "industries": ["3612"], "children": []},
                    {"key": "commercial", "name": "新能源商用车", "stage": "downstream", "industries": ["3612"], "children": []},
                ],
            },
            {
                "key": "charging",
                "name": "充换电与回收利用",
                "stage": "downstream",
                "industries": ["3829", "4210"],
                "children": [
                    {"key": "charger", "name": "充电设施", "stage": "downstream", "industries": ["3829"], "children": []},
                    {"key": "recycling", "name": "动力电池回收利用", "stage": "downstream", "industries": ["4210"], "children": []},
                ],
            },
        ],
    },
    {
        "slug": "machine-tools",
        "name": "工业母机",
        "description": (
            "工业母机产业链以数控系统、功能部件、刀具量仪和基础铸件为上游，"
            "以金属切削、金属成形、特种加工与增材制造装备为中游，服务航空航天、汽车零部件和模具等下游行业。"
            "平台重点推动国产数控系统与功能部件在整机企业上机验证，缩短“首台套”应用周期。"
        ),
        "nodes": [
            {
                "key": "cnc-system",
                "name": "数控系统与驱动",
                "stage": "upstream",
                "industries": ["4011"],
                "children": [
                    {"key": "cnc-controller", "name": "数控系统", "stage": "upstream", "industries": ["4011"], "children": []},
                    {"key": "servo", "name": "伺服驱动与电机", "stage": "upstream", "industries": ["3813"], "children": []},
                    {"key": "cam-software", "name": "CAM与工艺软件", "stage": "upstream", "industries": ["6513"], "children": []},
                ],
            },
            {
                "key": "functional-parts",
                "name": "功能部件",
                "stage": "upstream",
                "industries": ["3425"],
                "children": [
                    {"key": "spindle", "name": "电主轴", "stage": "upstream", "industries": ["3425"], "children": []},
                    {"key": "ball-screw", "name": "滚珠丝杠与直线导轨", "stage": "upstream", "industries": ["3425"], "children": []},
                    {"key": "bearing", "name": "精密轴承", "stage": "upstream", "industries": ["3451"], "children": []},
                    {"key": "turret", "name": "数控转台与刀库", "stage": "upstream", "industries": ["3425"], "children": []},
                ],
            },
            {
                "key": "tooling",
                "name": "刀具与量仪",
                "stage": "upstream",
                "industries": ["3321", "4013"],
                "children": [
                    {"key": "cutting-tool", "name": "切削刀具", "stage": "upstream", "industries": ["3321"], "children": []},
                    {"key": "measuring", "name": "精密测量仪器", "stage": "upstream", "industries": ["4013"], "children": []},
                ],
            },
            {
                "key": "base-materials",
                "name": "基础材料与铸件",
                "stage": "upstream",
                "industries": ["3391", "3393"],
                "children": [
                    {"key": "castings", "name": "高性能床身铸件", "stage": "upstream", "industries": ["3391"], "children": []},
                    {"key": "carbide", "name": "硬质合金与超硬材料", "stage": "upstream", "industries": ["3393"], "children": []},
                ],
            },
            {
                "key": "metal-cutting",
                "name": "金属切削机床",
                "stage": "midstream",
                "industries": ["3421"],
                "children": [
                    {"key": "five-axis", "name": "五轴联动加工中心", "stage": "midstream", "industries": ["3421"], "children": []},
                    {"key": "turning", "name": "数控车床与车铣复合", "stage": "midstream", "industries": ["3421"], "children": []},
                    {"key": "grinding", "name": "精密磨床", "stage": "midstream", "industries": ["3421"], "children": []},
                ],
            },
            {
                "key": "metal-forming",
                "name": "成形与激光加工装备",
                "stage": "midstream",
                "industries": ["3422", "3424"],
                "children": [
                    {"key": "press", "name": "伺服压力机", "stage": "midstream", "industries": ["3422"], "children": []},
                    {"key": "laser", "name": "激光加工装备", "stage": "midstream", "industries": ["3424"], "children": []},
                ],
            },
            {
                "key": "special",
                "name": "特种加工与增材制造",
                "stage": "midstream",
                "industries": ["3493", "3421"],
                "children": [
                    {"key": "am", "name": "金属增材制造装备", "stage": "midstream", "industries": ["3493"], "children": []},
                    {"key": "edm", "name": "电火花与超声加工", "stage": "midstream", "industries": ["3421"], "children": []},
                ],
            },
            {
                "key": "applications",
                "name": "下游应用",
                "stage": "downstream",
                "industries": ["3744", "3670", "3525"],
                "children": [
                    {"key": "aerospace", "name": "航空航天结构件", "stage": "downstream", "industries": ["3744"], "children": []},
                    {"key": "auto-parts", "name": "汽车零部件加工", "stage": "downstream", "industries": ["3670"], "children": []},
                    {"key": "mould", "name": "模具制造", "stage": "downstream", "industries": ["3525"], "children": []},
                ],
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Organisations (入驻机构)
# ---------------------------------------------------------------------------

ORGANIZATIONS = [
    # ----- 龙头企业 -----
    {
        "key": "sh-huazhun",
        "name": "上海华准集成电路制造有限公司",
        "kind": "lead",
        "province": "31",
        "city": "上海市",
        "industry": "3973",
        "description": (
            "公司成立于2006年，现有员工4200余人，拥有两条8英寸和一条12英寸晶圆生产线，月产能折合8英寸约12万片。"
            "主要提供0.18μm至55nm BCD、嵌入式非易失存储和高压功率工艺代工服务，2021年建成6英寸碳化硅工艺线。"
            "客户覆盖国内主要电源管理、MCU和功率器件设计企业。"
        ),
        "website": "https://www.huazhun-ic.example.cn",
        "contact_name": "周立群",
        "contact_phone": "021-50893721",
        "contact_email": "supply@huazhun-ic.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/logic-fab", "ic/power-device"],
    },
    {
        "key": "wx-chengxin",
        "name": "无锡澄芯封测科技股份有限公司",
        "kind": "lead",
        "province": "32",
        "city": "无锡市",
        "industry": "3973",
        "description": (
            "公司成立于2003年，员工约6800人，是国内规模领先的集成电路封装测试企业之一。"
            "具备QFN/DFN、BGA、倒装、晶圆级封装和系统级封装（SiP）全系列能力，车规产品通过IATF 16949认证。"
            "近年重点布局碳化硅功率模块封装和2.5D先进封装，年封装量超过90亿颗。"
        ),
        "website": "https://www.chengxin-pkg.example.cn",
        "contact_name": "陆文斌",
        "contact_phone": "0510-85216690",
        "contact_email": "openlab@chengxin-pkg.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/adv-packaging", "ic/test", "nev/sic-device"],
    },
    {
        "key": "hf-qingyuan",
        "name": "合肥擎远新能源汽车股份有限公司",
        "kind": "lead",
        "province": "34",
        "city": "合肥市",
        "industry": "3612",
        "description": (
            "公司成立于2014年，员工1.1万人，拥有合肥、芜湖两大整车基地，年产能36万辆。"
            "产品覆盖纯电轿车、SUV和增程式MPV，自研800V高压平台和行泊一体智能驾驶系统。"
            "现有一级供应商约420家，正在推进电驱、热管理和智能驾驶零部件的本地化配套。"
        ),
        "website": "https://www.qingyuan-auto.example.cn",
        "contact_name": "孙嘉怡",
        "contact_phone": "0551-63672018",
        "contact_email": "sourcing@qingyuan-auto.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/passenger", "nev/adas", "nev/thermal"],
    },
    {
        "key": "nd-ningchuan",
        "name": "福建宁川动力电池科技股份有限公司",
        "kind": "lead",
        "province": "35",
        "city": "宁德市",
        "industry": "3841",
        "description": (
            "公司成立于2012年，员工约1.5万人，主营动力电池与储能电池的研发制造，2024年装机量约68GWh。"
            "掌握磷酸铁锂长电芯、高镍三元大圆柱和CTP无模组成组技术，配套国内外20余家整车企业。"
            "在宁德、宜宾等地建有5个生产基地和国家认可的电池安全检测中心。"
        ),
        "website": "https://www.ningchuan-power.example.cn",
        "contact_name": "陈思远",
        "contact_phone": "0593-28765512",
        "contact_email": "partner@ningchuan-power.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/cell", "nev/pack"],
    },
    {
        "key": "sy-beichen",
        "name": "沈阳北辰数控机床股份有限公司",
        "kind": "lead",
        "province": "21",
        "city": "沈阳市",
        "industry": "3421",
        "description": (
            "公司前身为1958年建厂的国营机床厂，2009年完成股份制改造，现有员工3600人。"
            "主导产品为五轴联动加工中心、卧式加工中心和车铣复合机床，年产数控机床约4500台。"
            "产品服务于航空航天、汽车和能源装备领域，正牵头开展国产数控系统与功能部件的整机验证。"
        ),
        "website": "https://www.beichen-cnc.example.cn",
        "contact_name": "王铁军",
        "contact_phone": "024-25196630",
        "contact_email": "cooperate@beichen-cnc.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/turning"],
    },
    {
        "key": "jn-luwo",
        "name": "济南鲁沃数控装备集团股份有限公司",
        "kind": "lead",
        "province": "37",
        "city": "济南市",
        "industry": "3421",
        "description": (
            "集团成立于1998年，员工约2800人，主营大型龙门加工中心、卧式加工中心和伺服压力机。"
            "建有省级机床可靠性工程技术研究中心，累计装机超过3万台，在线联网设备1.2万台。"
            "主要客户为汽车冲压、工程机械和风电装备制造企业。"
        ),
        "website": "https://www.luwo-cnc.example.cn",
        "contact_name": "刘保国",
        "contact_phone": "0531-88724105",
        "contact_email": "tech@luwo-cnc.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/press"],
    },
    {
        "key": "sz-pengyuan",
        "name": "深圳鹏远智能终端集团有限公司",
        "kind": "lead",
        "province": "44",
        "city": "深圳市",
        "industry": "3922",
        "description": (
            "集团成立于2005年，员工约2.2万人，主营智能手机、平板电脑和可穿戴设备，年出货量超过8000万台。"
            "在深圳、东莞设有整机制造基地和可靠性实验中心，自研快充与影像算法。"
            "近三年持续推进电源管理、传感器和射频前端芯片的国产替代。"
        ),
        "website": "https://www.pengyuan-tech.example.cn",
        "contact_name": "黄海涛",
        "contact_phone": "0755-26583170",
        "contact_email": "chip-sourcing@pengyuan-tech.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/consumer"],
    },
    # ----- 大型骨干企业 -----
    {
        "key": "bj-yanke",
        "name": "北京燕科半导体装备股份有限公司",
        "kind": "large",
        "province": "11",
        "city": "北京市",
        "industry": "3562",
        "description": (
            "公司成立于2001年，员工约2100人，主营等离子体刻蚀、PVD/CVD薄膜沉积和清洗设备。"
            "刻蚀设备已覆盖28nm及以上逻辑和存储工艺，累计出货反应腔超过2000台。"
            "正联合上游企业开展射频电源、真空阀门和陶瓷部件等核心零部件的国产化。"
        ),
        "website": "https://www.yanke-semi.example.cn",
        "contact_name": "赵明哲",
        "contact_phone": "010-67862231",
        "contact_email": "parts@yanke-semi.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/etch-depo", "ic/parts"],
    },
    {
        "key": "cq-yudong",
        "name": "重庆渝动电驱动系统有限公司",
        "kind": "large",
        "province": "50",
        "city": "重庆市",
        "industry": "3670",
        "description": (
            "公司成立于2011年，员工约1900人，主营新能源汽车电驱动总成、电机控制器和减速器。"
            "具备年产60万套三合一电驱系统的能力，800V碳化硅电驱已在多款车型量产。"
            "建有电驱总成NVH与耐久台架实验室。"
        ),
        "website": "https://www.yudong-edrive.example.cn",
        "contact_name": "何晓东",
        "contact_phone": "023-63185527",
        "contact_email": "rd@yudong-edrive.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/inverter", "nev/motor", "nev/reducer"],
    },
    {
        "key": "cs-xiangrui",
        "name": "长沙湘锐硬质合金工具股份有限公司",
        "kind": "large",
        "province": "43",
        "city": "长沙市",
        "industry": "3321",
        "description": (
            "公司成立于1996年，员工约1600人，主营硬质合金棒材、数控刀片和整体硬质合金刀具。"
            "拥有从碳化钨粉末、压制烧结到PVD/CVD涂层的全流程能力，年产数控刀片约9000万片。"
            "产品应用于汽车、航空和模具行业。"
        ),
        "website": "https://www.xiangrui-tools.example.cn",
        "contact_name": "谭志刚",
        "contact_phone": "0731-85162094",
        "contact_email": "market@xiangrui-tools.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/cutting-tool", "machine-tools/carbide"],
    },
    {
        "key": "dl-binhai",
        "name": "大连滨海精密轴承集团有限公司",
        "kind": "large",
        "province": "21",
        "city": "大连市",
        "industry": "3451",
        "description": (
            "集团成立于1992年，员工约2500人，主营机床主轴轴承、丝杠支撑轴承和新能源汽车驱动电机轴承。"
            "P4/P2级精密轴承年产能约120万套，建有轴承寿命与可靠性试验中心。"
        ),
        "website": "https://www.binhai-bearing.example.cn",
        "contact_name": "于洪涛",
        "contact_phone": "0411-87653309",
        "contact_email": "sales@binhai-bearing.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/bearing", "nev/motor"],
    },
    {
        "key": "cd-shuhang",
        "name": "成都蜀航精密制造有限公司",
        "kind": "large",
        "province": "51",
        "city": "成都市",
        "industry": "3744",
        "description": (
            "公司成立于2008年，员工约1300人，专业从事航空发动机机匣、整体叶盘和钛合金结构件的精密加工。"
            "拥有五轴加工中心、车铣复合机床等数控设备260余台，通过AS9100D认证。"
            "正在开展国产五轴机床在航空结构件批产中的示范应用。"
        ),
        "website": "https://www.shuhang-precision.example.cn",
        "contact_name": "杨光辉",
        "contact_phone": "028-84617752",
        "contact_email": "quality@shuhang-precision.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/aerospace"],
    },
    # ----- 中小企业：集成电路 -----
    {
        "key": "sz-xince",
        "name": "苏州芯测微电子科技有限公司",
        "kind": "sme",
        "province": "32",
        "city": "苏州市",
        "industry": "3562",
        "description": (
            "公司成立于2013年，员工约260人，其中研发人员占比42%，专注晶圆测试探针卡和测试分选设备。"
            "掌握MEMS垂直探针制造和多温区测试技术，累计获得发明专利31项。"
            "客户包括国内多家晶圆代工厂和封测企业。"
        ),
        "website": "https://www.xince-micro.example.cn",
        "contact_name": "吴振宇",
        "contact_phone": "0512-65882316",
        "contact_email": "bd@xince-micro.example.cn",
        "qualification": {"level": "national", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["ic/test"],
    },
    {
        "key": "nb-yongjing",
        "name": "宁波甬晶光电材料有限公司",
        "kind": "sme",
        "province": "33",
        "city": "宁波市",
        "industry": "3985",
        "description": (
            "公司成立于2016年，员工约140人，专注半导体光刻胶及配套试剂的研发与生产。"
            "建有百吨级光刻胶生产线和千级洁净分装车间，KrF与i-line光刻胶已通过多家晶圆厂验证。"
        ),
        "website": "https://www.yongjing-pr.example.cn",
        "contact_name": "郑晓峰",
        "contact_phone": "0574-86901275",
        "contact_email": "sales@yongjing-pr.example.cn",
        "qualification": {"level": "provincial", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["ic/photoresist", "ic/adv-packaging"],
    },
    {
        "key": "hz-fuyuan",
        "name": "杭州氟源电子气体有限公司",
        "kind": "sme",
        "province": "33",
        "city": "杭州市",
        "industry": "3985",
        "description": (
            "公司成立于2010年，员工约310人，主营三氟化氮、六氟化钨等含氟电子特气的合成、纯化与充装。"
            "拥有年产1500吨三氟化氮装置和ISO 17025认可的痕量杂质分析实验室，产品供应12英寸晶圆厂和面板厂。"
        ),
        "website": "https://www.fuyuan-gas.example.cn",
        "contact_name": "沈佳琪",
        "contact_phone": "0571-82774590",
        "contact_email": "service@fuyuan-gas.example.cn",
        "qualification": {"level": "national", "year": 2020, "batch": "第二批"},
        "chain_nodes": ["ic/specialty-gas"],
    },
    {
        "key": "sh-weigui",
        "name": "上海微矽半导体材料有限公司",
        "kind": "sme",
        "province": "31",
        "city": "上海市",
        "industry": "3985",
        "description": (
            "公司成立于2012年，员工约380人，主营12英寸再生晶圆和6英寸碳化硅衬底。"
            "再生晶圆月产能15万片，碳化硅衬底月产能4000片，客户包括多家晶圆制造企业和功率器件企业。"
        ),
        "website": "https://www.weigui-wafer.example.cn",
        "contact_name": "顾晨阳",
        "contact_phone": "021-38526617",
        "contact_email": "wafer@weigui-wafer.example.cn",
        "qualification": {"level": "national", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["ic/wafer", "nev/sic-device"],
    },
    {
        "key": "nj-xintu",
        "name": "南京芯图电子设计自动化有限公司",
        "kind": "sme",
        "province": "32",
        "city": "南京市",
        "industry": "6512",
        "description": (
            "公司成立于2017年，员工约190人，核心团队来自国内外EDA企业，专注物理验证与寄生参数提取工具。"
            "产品已支持28nm及以上工艺节点，获得3家晶圆代工厂的工艺设计套件（PDK）认证。"
        ),
        "website": "https://www.xintu-eda.example.cn",
        "contact_name": "林浩然",
        "contact_phone": "025-83691408",
        "contact_email": "support@xintu-eda.example.cn",
        "qualification": {"level": "national", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["ic/eda-tools"],
    },
    {
        "key": "hf-ruigan",
        "name": "合肥瑞感微电子有限公司",
        "kind": "sme",
        "province": "34",
        "city": "合肥市",
        "industry": "6520",
        "description": (
            "公司成立于2015年，员工约120人，专注MEMS压力、温度传感器芯片及信号调理ASIC设计。"
            "车规级压力传感器芯片已通过AEC-Q100认证，年出货量超过3000万颗。"
        ),
        "website": "https://www.ruigan-mems.example.cn",
        "contact_name": "许文静",
        "contact_phone": "0551-65317742",
        "contact_email": "fae@ruigan-mems.example.cn",
        "qualification": {"level": "provincial", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["ic/sensor-chip", "ic/auto-electronics"],
    },
    {
        "key": "sz-yuanfeng",
        "name": "深圳源峰微电子有限公司",
        "kind": "sme",
        "province": "44",
        "city": "深圳市",
        "industry": "6520",
        "description": (
            "公司成立于2014年，员工约230人，专注车规级与工业级电源管理芯片及电池管理模拟前端芯片设计。"
            "累计出货超过6亿颗，产品进入多家整车厂和储能企业供应链，获得ISO 26262 ASIL-D流程认证。"
        ),
        "website": "https://www.yuanfeng-semi.example.cn",
        "contact_name": "蔡俊杰",
        "contact_phone": "0755-86325098",
        "contact_email": "sales@yuanfeng-semi.example.cn",
        "qualification": {"level": "national", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["ic/analog", "nev/bms"],
    },
    {
        "key": "wx-lixin",
        "name": "无锡砺芯功率半导体有限公司",
        "kind": "sme",
        "province": "32",
        "city": "无锡市",
        "industry": "3972",
        "description": (
            "公司成立于2016年，员工约280人，专注碳化硅MOSFET、SBD芯片及功率模块的设计与产品化。"
            "采用Fabless加自建模块封装线模式，1200V碳化硅MOSFET已在光伏逆变器和车载OBC批量应用。"
        ),
        "website": "https://www.lixin-power.example.cn",
        "contact_name": "钱宇航",
        "contact_phone": "0510-88192746",
        "contact_email": "market@lixin-power.example.cn",
        "qualification": {"level": "national", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["ic/power-device", "nev/sic-device"],
    },
    {
        "key": "xa-qinwei",
        "name": "西安秦微精密部件有限公司",
        "kind": "sme",
        "province": "61",
        "city": "西安市",
        "industry": "3562",
        "description": (
            "公司成立于2018年，员工约150人，主营半导体设备用静电卡盘、陶瓷加热盘和精密陶瓷结构件。"
            "掌握氮化铝共烧和多区控温设计技术，产品已用于国产刻蚀和PVD设备。"
        ),
        "website": "https://www.qinwei-parts.example.cn",
        "contact_name": "张博文",
        "contact_phone": "029-88326651",
        "contact_email": "info@qinwei-parts.example.cn",
        "qualification": {"level": "provincial", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["ic/parts"],
    },
    {
        "key": "bj-jingjian",
        "name": "北京晶鉴测控科技有限公司",
        "kind": "sme",
        "province": "11",
        "city": "北京市",
        "industry": "3562",
        "description": (
            "公司成立于2019年，员工约90人，专注晶圆光学缺陷检测和膜厚量测设备。"
            "核心团队具有十余年光学检测设备研发经验，首台明场检测设备已在8英寸产线验证。"
        ),
        "website": "https://www.jingjian-metrology.example.cn",
        "contact_name": "马骁",
        "contact_phone": "010-82783316",
        "contact_email": "contact@jingjian-metrology.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/metrology"],
    },
    {
        "key": "tj-jinke",
        "name": "天津津科电子化学品有限公司",
        "kind": "sme",
        "province": "12",
        "city": "天津市",
        "industry": "2661",
        "description": (
            "公司成立于2011年，员工约170人，主营电子级硫酸、双氧水、氨水等湿电子化学品。"
            "建有年产3万吨电子级化学品纯化装置，产品覆盖光伏、面板和8英寸晶圆制造客户。"
        ),
        "website": "https://www.jinke-chem.example.cn",
        "contact_name": "李红梅",
        "contact_phone": "022-25328874",
        "contact_email": "sales@jinke-chem.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/wet-chem"],
    },
    {
        "key": "xm-luwei",
        "name": "厦门鹭微电子有限公司",
        "kind": "sme",
        "province": "35",
        "city": "厦门市",
        "industry": "6520",
        "description": (
            "公司成立于2018年，员工约85人，专注工业级32位MCU及电机控制专用SoC设计。"
            "产品广泛用于变频器、伺服驱动和智能电表，年出货量约2000万颗。"
        ),
        "website": "https://www.luwei-mcu.example.cn",
        "contact_name": "陈艺萍",
        "contact_phone": "0592-57132269",
        "contact_email": "fae@luwei-mcu.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/mcu", "ic/industrial-control"],
    },
    {
        "key": "zh-jingshan",
        "name": "珠海晶扇先进封装科技有限公司",
        "kind": "sme",
        "province": "44",
        "city": "珠海市",
        "industry": "3973",
        "description": (
            "公司成立于2017年，员工约420人，提供晶圆级扇出封装、重布线（RDL）和系统级封装代工服务。"
            "拥有12英寸晶圆级封装线一条，月产能1.5万片，主要服务射频、电源管理和可穿戴芯片客户。"
        ),
        "website": "https://www.jingshan-apk.example.cn",
        "contact_name": "邓子健",
        "contact_phone": "0756-33875120",
        "contact_email": "pm@jingshan-apk.example.cn",
        "qualification": {"level": "provincial", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["ic/adv-packaging"],
    },
    # ----- 中小企业：新能源汽车 -----
    {
        "key": "cz-tengli",
        "name": "常州腾锂新能源材料有限公司",
        "kind": "sme",
        "province": "32",
        "city": "常州市",
        "industry": "3985",
        "description": (
            "公司成立于2015年，员工约520人，专注磷酸锰铁锂和高压实磷酸铁锂正极材料。"
            "建有年产3万吨正极材料生产线，拥有固相-液相复合合成工艺，客户包括多家动力与储能电池企业。"
        ),
        "website": "https://www.tengli-material.example.cn",
        "contact_name": "潘立新",
        "contact_phone": "0519-85963321",
        "contact_email": "tech@tengli-material.example.cn",
        "qualification": {"level": "national", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["nev/cathode"],
    },
    {
        "key": "cs-xiangtan",
        "name": "长沙湘碳新材料有限公司",
        "kind": "sme",
        "province": "43",
        "city": "长沙市",
        "industry": "3091",
        "description": (
            "公司成立于2017年，员工约210人，主营硅碳复合负极和快充型人造石墨负极材料。"
            "采用多孔碳骨架化学气相沉积硅工艺，建有年产2000吨硅碳负极中试及量产线。"
        ),
        "website": "https://www.xiangtan-carbon.example.cn",
        "contact_name": "彭雨晴",
        "contact_phone": "0731-88236405",
        "contact_email": "sales@xiangtan-carbon.example.cn",
        "qualification": {"level": "provincial", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["nev/anode"],
    },
    {
        "key": "cq-yumo",
        "name": "重庆渝膜新材料有限公司",
        "kind": "sme",
        "province": "50",
        "city": "重庆市",
        "industry": "2921",
        "description": (
            "公司成立于2019年，员工约160人，主营锂电池湿法隔膜及陶瓷、芳纶涂覆隔膜。"
            "拥有4条湿法基膜线和6条涂覆线，年产能约4亿平方米。"
        ),
        "website": "https://www.yumo-separator.example.cn",
        "contact_name": "冉志伟",
        "contact_phone": "023-67651182",
        "contact_email": "info@yumo-separator.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/separator"],
    },
    {
        "key": "sz-zhichu",
        "name": "深圳智储电子科技有限公司",
        "kind": "sme",
        "province": "44",
        "city": "深圳市",
        "industry": "3670",
        "description": (
            "公司成立于2013年，员工约340人，专注动力电池与储能电池管理系统（BMS）及云端电池健康诊断。"
            "产品配套乘用车、重卡换电和工商业储能项目，累计装车量超过45万套。"
        ),
        "website": "https://www.zhichu-bms.example.cn",
        "contact_name": "叶国栋",
        "contact_phone": "0755-23987716",
        "contact_email": "bms@zhichu-bms.example.cn",
        "qualification": {"level": "national", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["nev/bms", "nev/pack"],
    },
    {
        "key": "wh-jiangtong",
        "name": "武汉江瞳激光雷达科技有限公司",
        "kind": "sme",
        "province": "42",
        "city": "武汉市",
        "industry": "3940",
        "description": (
            "公司成立于2018年，员工约260人，专注车载半固态激光雷达和光学相控阵技术。"
            "自建激光雷达光学装调与标定产线，年产能10万台，已获得两家整车企业定点。"
        ),
        "website": "https://www.jiangtong-lidar.example.cn",
        "contact_name": "胡昊天",
        "contact_phone": "027-87554023",
        "contact_email": "auto@jiangtong-lidar.example.cn",
        "qualification": {"level": "provincial", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["nev/lidar"],
    },
    {
        "key": "wuhu-jiuzi",
        "name": "芜湖鸠兹热管理科技有限公司",
        "kind": "sme",
        "province": "34",
        "city": "芜湖市",
        "industry": "3670",
        "description": (
            "公司成立于2012年，员工约480人，主营新能源汽车热泵空调模块、电子膨胀阀和电池冷却板。"
            "电子膨胀阀年产能300万只，产品配套多家自主品牌新能源车企。"
        ),
        "website": "https://www.jiuzi-thermal.example.cn",
        "contact_name": "汪振华",
        "contact_phone": "0553-59623308",
        "contact_email": "sales@jiuzi-thermal.example.cn",
        "qualification": {"level": "national", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["nev/thermal"],
    },
    {
        "key": "nb-yongchi",
        "name": "宁波甬驰电机科技有限公司",
        "kind": "sme",
        "province": "33",
        "city": "宁波市",
        "industry": "3812",
        "description": (
            "公司成立于2014年，员工约360人，主营新能源汽车扁线驱动电机定子、转子及电机总成。"
            "具备发卡成形、激光焊接和真空压力浸漆全工序自动化产线，年产定子总成40万套。"
        ),
        "website": "https://www.yongchi-motor.example.cn",
        "contact_name": "俞建平",
        "contact_phone": "0574-87982265",
        "contact_email": "market@yongchi-motor.example.cn",
        "qualification": {"level": "provincial", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["nev/motor"],
    },
    {
        "key": "qd-hanchong",
        "name": "青岛瀚充智能电气有限公司",
        "kind": "sme",
        "province": "37",
        "city": "青岛市",
        "industry": "3829",
        "description": (
            "公司成立于2016年，员工约190人，主营直流快充桩、液冷超充终端和场站能量管理系统。"
            "累计投运充电终端1.8万台，服务城市公交、物流场站和高速服务区。"
        ),
        "website": "https://www.hanchong-ev.example.cn",
        "contact_name": "孙鹏",
        "contact_phone": "0532-88675139",
        "contact_email": "service@hanchong-ev.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/charger"],
    },
    {
        "key": "gz-zhangjiang",
        "name": "赣州章江循环科技有限公司",
        "kind": "sme",
        "province": "36",
        "city": "赣州市",
        "industry": "4210",
        "description": (
            "公司成立于2018年，员工约230人，从事退役动力电池梯次利用和湿法再生回收。"
            "建有年处理3万吨废旧电池的回收线，镍钴锰综合回收率超过98%。"
        ),
        "website": "https://www.zhangjiang-recycle.example.cn",
        "contact_name": "钟晓兰",
        "contact_phone": "0797-83162245",
        "contact_email": "recycle@zhangjiang-recycle.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/recycling"],
    },
    {
        "key": "sz-lvxiang",
        "name": "苏州铝翔轻量化科技有限公司",
        "kind": "sme",
        "province": "32",
        "city": "苏州市",
        "industry": "3392",
        "description": (
            "公司成立于2013年，员工约560人，专注新能源汽车铝合金结构件压铸和免热处理压铸合金开发。"
            "拥有6100吨至9000吨大型压铸岛4套，产品包括电池包壳体、后地板和减震塔。"
        ),
        "website": "https://www.lvxiang-casting.example.cn",
        "contact_name": "朱建伟",
        "contact_phone": "0512-57631820",
        "contact_email": "project@lvxiang-casting.example.cn",
        "qualification": {"level": "national", "year": 2024, "batch": "第六批"},
        "chain_nodes": ["nev/die-casting"],
    },
    {
        "key": "cs-luzhi",
        "name": "长沙麓智驾驶科技有限公司",
        "kind": "sme",
        "province": "43",
        "city": "长沙市",
        "industry": "3962",
        "description": (
            "公司成立于2020年，员工约170人，专注行泊一体智能驾驶域控制器及感知融合算法。"
            "已完成两款量产车型的L2+功能交付，软件开发流程通过ASPICE CL2评估。"
        ),
        "website": "https://www.luzhi-auto.example.cn",
        "contact_name": "罗子豪",
        "contact_phone": "0731-89753016",
        "contact_email": "bd@luzhi-auto.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/adas"],
    },
    # ----- 中小企业：工业母机 -----
    {
        "key": "dg-jingyan",
        "name": "东莞精研电主轴有限公司",
        "kind": "sme",
        "province": "44",
        "city": "东莞市",
        "industry": "3425",
        "description": (
            "公司成立于2009年，员工约240人，专注高速精密电主轴的设计制造与维修服务。"
            "产品覆盖加工中心、雕铣机和磨床用电主轴，年产量约1.2万支，配套国内40余家机床厂。"
        ),
        "website": "https://www.jingyan-spindle.example.cn",
        "contact_name": "梁志强",
        "contact_phone": "0769-22865531",
        "contact_email": "sales@jingyan-spindle.example.cn",
        "qualification": {"level": "national", "year": 2020, "batch": "第二批"},
        "chain_nodes": ["machine-tools/spindle"],
    },
    {
        "key": "yt-jingchuan",
        "name": "烟台精传滚动功能部件有限公司",
        "kind": "sme",
        "province": "37",
        "city": "烟台市",
        "industry": "3425",
        "description": (
            "公司成立于2010年，员工约380人，主营精密滚珠丝杠副、滚柱直线导轨副和行星滚柱丝杠。"
            "拥有恒温磨削车间和丝杠动态精度检测线，P1级丝杠已批量配套国产五轴加工中心。"
        ),
        "website": "https://www.jingchuan-motion.example.cn",
        "contact_name": "曲海波",
        "contact_phone": "0535-69372084",
        "contact_email": "tech@jingchuan-motion.example.cn",
        "qualification": {"level": "national", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["machine-tools/ball-screw"],
    },
    {
        "key": "wh-hanshu",
        "name": "武汉汉数智控科技有限公司",
        "kind": "sme",
        "province": "42",
        "city": "武汉市",
        "industry": "4011",
        "description": (
            "公司成立于2012年，员工约310人，专注高档数控系统、伺服驱动和机床智能化软件。"
            "五轴联动数控系统累计装机超过2600套，覆盖航空结构件、叶轮叶片和模具加工领域。"
        ),
        "website": "https://www.hanshu-cnc.example.cn",
        "contact_name": "曾凡宇",
        "contact_phone": "027-87163392",
        "contact_email": "cnc@hanshu-cnc.example.cn",
        "qualification": {"level": "national", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["machine-tools/cnc-controller", "machine-tools/cam-software"],
    },
    {
        "key": "zz-mofeng",
        "name": "郑州磨锋超硬工具有限公司",
        "kind": "sme",
        "province": "41",
        "city": "郑州市",
        "industry": "3321",
        "description": (
            "公司成立于2011年，员工约200人，主营PCD、PCBN超硬刀具和CVD金刚石涂层刀具。"
            "产品用于新能源汽车电机壳体、减速器齿轮和铝合金结构件的高效加工。"
        ),
        "website": "https://www.mofeng-tools.example.cn",
        "contact_name": "秦卫东",
        "contact_phone": "0371-67524418",
        "contact_email": "sales@mofeng-tools.example.cn",
        "qualification": {"level": "provincial", "year": 2022, "batch": "第四批"},
        "chain_nodes": ["machine-tools/cutting-tool", "machine-tools/auto-parts"],
    },
    {
        "key": "hz-jingdu",
        "name": "杭州精度光学测量技术有限公司",
        "kind": "sme",
        "province": "33",
        "city": "杭州市",
        "industry": "4013",
        "description": (
            "公司成立于2015年，员工约130人，专注激光干涉仪、球杆仪和机床在机测头等精密测量仪器。"
            "产品可溯源至国家长度基准，服务机床整机厂、计量院和航空制造企业。"
        ),
        "website": "https://www.jingdu-optics.example.cn",
        "contact_name": "方卓然",
        "contact_phone": "0571-86912057",
        "contact_email": "info@jingdu-optics.example.cn",
        "qualification": {"level": "provincial", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["machine-tools/measuring"],
    },
    {
        "key": "tz-haijing",
        "name": "台州海精数控转台有限公司",
        "kind": "sme",
        "province": "33",
        "city": "台州市",
        "industry": "3425",
        "description": (
            "公司成立于2008年，员工约150人，主营数控回转工作台、摇篮式双轴转台和刀库。"
            "年产转台约6000台，配套立式加工中心和五轴机床整机企业。"
        ),
        "website": "https://www.haijing-rotary.example.cn",
        "contact_name": "金海军",
        "contact_phone": "0576-88624073",
        "contact_email": "sales@haijing-rotary.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/turret"],
    },
    {
        "key": "cz-longcheng",
        "name": "常州龙城伺服科技有限公司",
        "kind": "sme",
        "province": "32",
        "city": "常州市",
        "industry": "3813",
        "description": (
            "公司成立于2010年，员工约290人，主营交流伺服电机、伺服驱动器和高分辨率绝对值编码器。"
            "产品用于数控机床进给轴、工业机器人和锂电装备，年出货伺服轴约35万套。"
        ),
        "website": "https://www.longcheng-servo.example.cn",
        "contact_name": "蒋立峰",
        "contact_phone": "0519-83385127",
        "contact_email": "servo@longcheng-servo.example.cn",
        "qualification": {"level": "provincial", "year": 2021, "batch": "第三批"},
        "chain_nodes": ["machine-tools/servo"],
    },
    {
        "key": "xa-qinzeng",
        "name": "西安秦增三维科技有限公司",
        "kind": "sme",
        "province": "61",
        "city": "西安市",
        "industry": "3493",
        "description": (
            "公司成立于2014年，员工约330人，专注金属激光选区熔化（SLM）设备与增材制造工艺服务。"
            "设备最大成形尺寸达1500mm，累计交付设备300余台，应用于航空发动机和火箭发动机零件制造。"
        ),
        "website": "https://www.qinzeng-3d.example.cn",
        "contact_name": "任晓军",
        "contact_phone": "029-81456623",
        "contact_email": "am@qinzeng-3d.example.cn",
        "qualification": {"level": "national", "year": 2023, "batch": "第五批"},
        "chain_nodes": ["machine-tools/am", "machine-tools/aerospace"],
    },
    {
        "key": "sy-jingmo",
        "name": "沈阳精磨机床有限公司",
        "kind": "sme",
        "province": "21",
        "city": "沈阳市",
        "industry": "3421",
        "description": (
            "公司成立于2011年，员工约180人，专注数控成形磨齿机、螺纹磨床和齿轮测量中心。"
            "磨齿机已批量用于新能源汽车减速器齿轮和机器人减速器齿轮加工。"
        ),
        "website": "https://www.jingmo-grinder.example.cn",
        "contact_name": "孟凡成",
        "contact_phone": "024-83562109",
        "contact_email": "sales@jingmo-grinder.example.cn",
        "qualification": {"level": "provincial", "year": 2024, "batch": "第六批"},
        "chain_nodes": ["machine-tools/grinding", "nev/reducer"],
    },
    {
        "key": "jn-fengquan",
        "name": "济南峰泉激光装备有限公司",
        "kind": "sme",
        "province": "37",
        "city": "济南市",
        "industry": "3424",
        "description": (
            "公司成立于2013年，员工约270人，主营万瓦级光纤激光切割机、激光焊接机器人工作站和坡口切割设备。"
            "产品出口40多个国家和地区，服务钣金、工程机械和电池托盘制造企业。"
        ),
        "website": "https://www.fengquan-laser.example.cn",
        "contact_name": "高建华",
        "contact_phone": "0531-82974460",
        "contact_email": "export@fengquan-laser.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/laser"],
    },
    # ----- 高校 -----
    {
        "key": "jiangnan-tech",
        "name": "江南理工大学",
        "kind": "university",
        "province": "32",
        "city": "无锡市",
        "industry": "8341",
        "description": (
            "学校始建于1958年，现有全日制在校生约3.2万人，设有集成电路学院、机械工程学院和材料学院。"
            "建有功率半导体封装与可靠性省重点实验室，近五年技术合同成交额累计超过9亿元。"
        ),
        "website": "https://www.jnut.example.cn",
        "contact_name": "徐子墨",
        "contact_phone": "0510-85913307",
        "contact_email": "tto@jnut.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/power-device", "ic/adv-packaging"],
    },
    {
        "key": "chutian-sci",
        "name": "楚天科技大学",
        "kind": "university",
        "province": "42",
        "city": "武汉市",
        "industry": "8341",
        "description": (
            "学校创建于1952年，现有教职工约4800人，光电信息、机械制造和能源动力学科优势突出。"
            "建有数控装备国家工程研究中心分中心和激光加工技术研究所，设有技术转移中心负责成果转化。"
        ),
        "website": "https://www.ctust.example.cn",
        "contact_name": "程晓玲",
        "contact_phone": "027-87541260",
        "contact_email": "ttc@ctust.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/cnc-controller", "nev/lidar"],
    },
    {
        "key": "qinchuan-ind",
        "name": "秦川工业大学",
        "kind": "university",
        "province": "61",
        "city": "西安市",
        "industry": "8341",
        "description": (
            "学校始建于1938年，是以航空航天和先进制造为特色的工科大学，现有在校生约2.9万人。"
            "在精密超精密加工、增材制造和宽禁带半导体领域拥有5个省部级重点实验室。"
        ),
        "website": "https://www.qcut.example.cn",
        "contact_name": "雷振华",
        "contact_phone": "029-88496172",
        "contact_email": "kjc@qcut.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/am", "machine-tools/aerospace"],
    },
    {
        "key": "lingnan-sci",
        "name": "岭南科技大学",
        "kind": "university",
        "province": "44",
        "city": "广州市",
        "industry": "8341",
        "description": (
            "学校成立于1985年，现有在校生约2.6万人，电子信息、新能源材料和智能制造为重点建设学科。"
            "与珠三角企业共建联合实验室30余个，设有知识产权运营中心。"
        ),
        "website": "https://www.lnust.example.cn",
        "contact_name": "苏晓彤",
        "contact_phone": "020-39382715",
        "contact_email": "ip@lnust.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/analog", "nev/anode"],
    },
    {
        "key": "jinghua-tech",
        "name": "京华理工大学",
        "kind": "university",
        "province": "11",
        "city": "北京市",
        "industry": "8341",
        "description": (
            "学校创建于1950年，现有在校生约3万人，在车辆工程、电子科学与技术和控制科学领域具有传统优势。"
            "建有电动车辆国家工程研究中心协同实验室和集成电路EDA创新中心。"
        ),
        "website": "https://www.jhut.example.cn",
        "contact_name": "白雪峰",
        "contact_phone": "010-68914430",
        "contact_email": "tech-transfer@jhut.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/bms", "ic/eda-tools"],
    },
    # ----- 科研院所 -----
    {
        "key": "ecpmi",
        "name": "华东精密制造研究院",
        "kind": "institute",
        "province": "32",
        "city": "苏州市",
        "industry": "7320",
        "description": (
            "研究院成立于2012年，是由地方政府与高校共建的新型研发机构，现有科研人员约420人。"
            "聚焦超精密加工、机床可靠性和智能工艺软件，已孵化科技型企业26家。"
        ),
        "website": "https://www.ecpmi.example.cn",
        "contact_name": "邵文涛",
        "contact_phone": "0512-62957713",
        "contact_email": "bd@ecpmi.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/cam-software"],
    },
    {
        "key": "yrd-icri",
        "name": "长三角集成电路先进工艺研究院",
        "kind": "institute",
        "province": "31",
        "city": "上海市",
        "industry": "7320",
        "description": (
            "研究院成立于2018年，现有研发人员约350人，建有8英寸中试线和先进封装工艺验证平台。"
            "重点开展宽禁带功率器件、特色工艺和国产材料设备验证研究，面向企业提供工艺开发与流片服务。"
        ),
        "website": "https://www.yrdicri.example.cn",
        "contact_name": "韩静怡",
        "contact_phone": "021-68773105",
        "contact_email": "service@yrdicri.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/power-device", "ic/etch-depo"],
    },
    {
        "key": "cnev-ri",
        "name": "中部新能源汽车技术研究院",
        "kind": "institute",
        "province": "34",
        "city": "合肥市",
        "industry": "7320",
        "description": (
            "研究院成立于2016年，现有科研人员约280人，设有动力电池、电驱动和智能网联三个研究所。"
            "建有电池安全与热失控实验平台，已为区域内120余家配套企业提供测试验证服务。"
        ),
        "website": "https://www.cnevri.example.cn",
        "contact_name": "丁浩",
        "contact_phone": "0551-62864417",
        "contact_email": "lab@cnevri.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/cell", "nev/thermal"],
    },
    {
        "key": "ne-cnc-ri",
        "name": "东北数控装备研究院",
        "kind": "institute",
        "province": "21",
        "city": "沈阳市",
        "industry": "7320",
        "description": (
            "研究院前身为1965年成立的机床研究所，现有职工约510人，其中高级职称160余人。"
            "主要从事数控机床整机设计、功能部件可靠性和精度检测技术研究，承担多项国家科技重大专项课题。"
        ),
        "website": "https://www.necncri.example.cn",
        "contact_name": "姜宏伟",
        "contact_phone": "024-23816658",
        "contact_email": "office@necncri.example.cn",
        "qualification": None,
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/measuring"],
    },
    {
        "key": "qilu-amri",
        "name": "齐鲁先进材料研究院",
        "kind": "institute",
        "province": "37",
        "city": "济南市",
        "industry": "7320",
        "description": (
            "研究院成立于2017年，现有科研人员约230人，聚焦电池材料、高性能铝合金和硬质涂层材料。"
            "建有公斤级到百公斤级材料中试线和材料表征中心。"
        ),
        "website": "https://www.qiluamri.example.cn",
        "contact_name": "孔令军",
        "contact_phone": "0531-88602271",
        "contact_email": "transfer@qiluamri.example.cn",
        "qualification": None,
        "chain_nodes": ["nev/cathode", "nev/die-casting", "machine-tools/carbide"],
    },
    # ----- 服务机构 -----
    {
        "key": "js-changjiang-tt",
        "name": "江苏长江技术转移服务有限公司",
        "kind": "agency",
        "province": "32",
        "city": "南京市",
        "industry": "7530",
        "description": (
            "公司成立于2015年，员工约60人，是省级示范技术转移机构，提供技术评估、交易撮合和概念验证服务。"
            "拥有持证技术经理人38名，累计促成技术交易1100余项。"
        ),
        "website": "https://www.cjtt.example.cn",
        "contact_name": "许明轩",
        "contact_phone": "025-84661903",
        "contact_email": "match@cjtt.example.cn",
        "qualification": None,
        "chain_nodes": [],
    },
    {
        "key": "gd-wanqu-ip",
        "name": "广东湾区知识产权运营有限公司",
        "kind": "agency",
        "province": "44",
        "city": "广州市",
        "industry": "7520",
        "description": (
            "公司成立于2017年，员工约80人，提供专利导航、高价值专利培育、知识产权质押融资和专利许可运营服务。"
            "已为珠三角300余家专精特新企业开展专利布局分析。"
        ),
        "website": "https://www.wanqu-ip.example.cn",
        "contact_name": "欧阳静",
        "contact_phone": "020-87556324",
        "contact_email": "service@wanqu-ip.example.cn",
        "qualification": None,
        "chain_nodes": [],
    },
    # ----- 政府部门 -----
    {
        "key": "js-miit",
        "name": "江苏省工业和信息化厅",
        "kind": "government",
        "province": "32",
        "city": "南京市",
        "industry": "9225",
        "description": (
            "负责全省工业和信息化领域的规划、政策制定与组织实施，统筹推进专精特新中小企业梯度培育。"
            "在本平台负责组织省内龙头企业发榜和中小企业揭榜对接活动。"
        ),
        "website": "https://www.jsgxt.example.cn",
        "contact_name": "中小企业处",
        "contact_phone": "025-57632201",
        "contact_email": "zxqy@jsgxt.example.cn",
        "qualification": None,
        "chain_nodes": [],
    },
    {
        "key": "ah-jxt",
        "name": "安徽省经济和信息化厅",
        "kind": "government",
        "province": "34",
        "city": "合肥市",
        "industry": "9225",
        "description": (
            "负责全省工业经济运行调节、产业链链长制推进和中小企业发展促进工作。"
            "在本平台牵头新能源汽车和集成电路产业链的供需对接与资源开放工作。"
        ),
        "website": "https://www.ahjxt.example.cn",
        "contact_name": "产业链推进处",
        "contact_phone": "0551-62871105",
        "contact_email": "cyl@ahjxt.example.cn",
        "qualification": None,
        "chain_nodes": [],
    },
    {
        "key": "gd-gxt",
        "name": "广东省工业和信息化厅",
        "kind": "government",
        "province": "44",
        "city": "广州市",
        "industry": "9225",
        "description": (
            "负责全省制造业高质量发展和数字化转型的统筹推进，组织开展专精特新企业认定与服务。"
            "在本平台负责珠三角工业母机与集成电路领域的产需对接活动。"
        ),
        "website": "https://www.gdgxt.example.cn",
        "contact_name": "中小企业局",
        "contact_phone": "020-83133406",
        "contact_email": "sme@gdgxt.example.cn",
        "qualification": None,
        "chain_nodes": [],
    },
]

# ---------------------------------------------------------------------------
# Technology products (技术产品)
# ---------------------------------------------------------------------------

PRODUCTS = [
    # ----- 集成电路 -----
    {
        "org": "sz-xince",
        "title": "XC-VP系列MEMS垂直探针卡",
        "summary": "面向12英寸晶圆CP测试的MEMS垂直探针卡，最小针距40μm，单卡探针数可达3万根。",
        "description": (
            "产品采用光刻电铸工艺批量制造钯合金垂直探针，配合多层陶瓷空间转换基板（MLC）实现高密度互连。"
            "最小针距40μm，针尖平面度≤15μm，单针接触电阻≤0.5Ω，可承受1.2A持续电流。"
            "探针寿命超过50万次触压，支持-40℃至150℃多温测试。"
            "已在逻辑芯片、电源管理芯片和MCU的量产CP测试中替代进口产品，交付周期由10周缩短至4周。"
        ),
        "keywords": ["探针卡", "晶圆测试", "MEMS探针", "CP测试"],
        "specifications": [
            ["最小针距", "40 μm"],
            ["针尖平面度", "≤15 μm"],
            ["接触电阻", "≤0.5 Ω"],
            ["测试温度范围", "-40 ~ 150 ℃"],
            ["探针寿命", "≥50万次触压"],
        ],
        "scenarios": "适用于8/12英寸晶圆的CP量产测试，覆盖逻辑、存储接口、电源管理和车规MCU芯片。",
        "certifications": "ISO 9001；ISO 14001",
        "industry": "3562",
        "chain_nodes": ["ic/test"],
        "status": "published",
    },
    {
        "org": "sz-xince",
        "title": "车规芯片三温测试分选机",
        "summary": "支持-55℃至175℃三温切换的转塔式测试分选机，UPH达18000，适配车规芯片FT测试。",
        "description": (
            "设备采用转塔式取放结构和独立温控测试座，低温采用液氮喷射制冷，高温采用接触式加热。"
            "温度控制精度±1℃，温度切换时间小于90秒，满足AEC-Q100对三温测试的要求。"
            "配置2D/3D视觉检测模块，可同步完成引脚共面度和外观缺陷检测。"
            "设备UPH最高18000，Jam率低于1/10000，已在两家封测企业的车规产线稳定运行。"
        ),
        "keywords": ["测试分选机", "三温测试", "车规芯片", "FT测试"],
        "specifications": [
            ["温度范围", "-55 ~ 175 ℃"],
            ["温控精度", "±1 ℃"],
            ["UPH", "≤18000"],
            ["适用封装", "QFN/DFN/SOP/TO，2×2 ~ 12×12 mm"],
            ["Jam率", "≤1/10000"],
        ],
        "scenarios": "用于车规MCU、功率器件和传感器芯片的成品三温测试；也可用于工业级芯片的高温老化后筛选。",
        "certifications": "CE；SEMI S2",
        "industry": "3562",
        "chain_nodes": ["ic/test", "ic/auto-electronics"],
        "status": "published",
    },
    {
        "org": "nb-yongjing",
        "title": "KrF 248nm正性化学放大光刻胶",
        "summary": "用于0.13μm至0.25μm线宽的KrF光刻胶，金属杂质≤10ppb，已通过8英寸产线验证。",
        "description": (
            "产品以聚羟基苯乙烯（PHS）共聚树脂为主体，配合自主合成的锍盐光致产酸剂。"
            "在248nm曝光条件下分辨率可达0.13μm，曝光宽容度≥12%，焦深≥0.5μm。"
            "单一金属离子含量≤10ppb，颗粒（≥0.2μm）≤20个/mL，批次间感度偏差≤2%。"
            "已在两条8英寸产线完成栅极和金属层工艺验证，可替代同类进口产品。"
        ),
        "keywords": ["光刻胶", "KrF", "化学放大", "国产替代"],
        "specifications": [
            ["分辨率", "0.13 μm L/S"],
            ["膜厚范围", "0.3 ~ 1.2 μm"],
            ["金属杂质", "≤10 ppb/元素"],
            ["曝光宽容度", "≥12 %"],
            ["保质期", "6个月（5 ℃避光）"],
        ],
        "scenarios": "适用于8英寸和12英寸晶圆厂KrF光刻工序，包括栅极、接触孔和金属互连层图形化。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "3985",
        "chain_nodes": ["ic/photoresist"],
        "status": "published",
    },
    {
        "org": "nb-yongjing",
        "title": "先进封装用i-line厚膜负性光刻胶",
        "summary": "单次涂布膜厚5μm至60μm，深宽比可达4:1，用于凸点电镀和重布线层图形化。",
        "description": (
            "产品为丙烯酸体系负性光刻胶，针对晶圆级封装凸点（Bump）和重布线层（RDL）电镀工艺开发。"
            "单次旋涂即可获得5μm至60μm膜厚，侧壁垂直度≥88°，深宽比可达4:1。"
            "耐酸性镀铜、镀锡银电镀液浸泡，电镀后可用常规剥离液在60℃下5分钟内完全去除。"
            "已在国内两家先进封装企业完成可靠性验证。"
        ),
        "keywords": ["厚膜光刻胶", "凸点电镀", "RDL", "晶圆级封装"],
        "specifications": [
            ["膜厚范围", "5 ~ 60 μm"],
            ["深宽比", "≤4:1"],
            ["曝光波长", "365 nm（i-line）"],
            ["侧壁角度", "≥88 °"],
        ],
        "scenarios": "用于Fan-out、Fan-in晶圆级封装和倒装芯片的铜柱、锡银凸点电镀掩膜。",
        "certifications": "ISO 9001",
        "industry": "3985",
        "chain_nodes": ["ic/photoresist", "ic/adv-packaging"],
        "status": "published",
    },
    {
        "org": "hz-fuyuan",
        "title": "6N级高纯三氟化氮",
        "summary": "纯度≥99.9999%的电子级三氟化氮，用于CVD腔体清洗和刻蚀，年产能1500吨。",
        "description": (
            "产品采用熔盐电解法合成，经低温精馏与吸附组合纯化工艺制得。"
            "纯度≥99.9999%，CF4≤1ppm，N2O≤0.5ppm，水分≤0.5ppm。"
            "采用内壁电抛光处理的47L钢瓶和ISO罐箱充装，配套在线颗粒与水分监测。"
            "产品已稳定供应12英寸晶圆厂和高世代面板厂，年供货量约900吨。"
        ),
        "keywords": ["电子特气", "三氟化氮", "腔体清洗", "高纯气体"],
        "specifications": [
            ["纯度", "≥99.9999 %"],
            ["CF4", "≤1 ppm"],
            ["水分", "≤0.5 ppm"],
            ["包装", "47 L钢瓶 / ISO罐箱"],
        ],
        "scenarios": "用于晶圆厂和面板厂PECVD腔体原位清洗，以及硅、氮化硅的干法刻蚀。",
        "certifications": "ISO 9001；ISO 14001；ISO 45001",
        "industry": "3985",
        "chain_nodes": ["ic/specialty-gas"],
        "status": "published",
    },
    {
        "org": "hz-fuyuan",
        "title": "电子级六氟化钨",
        "summary": "纯度≥99.999%的六氟化钨，用于钨塞和字线CVD沉积，金属杂质≤50ppb。",
        "description": (
            "产品以高纯钨粉与氟气直接反应合成，经多级精馏去除MoF6、HF和金属杂质。"
            "纯度≥99.999%，MoF6≤1ppm，单一金属杂质≤50ppb。"
            "采用镍材质钢瓶充装，钢瓶经钝化处理，开瓶首批气体颗粒数满足晶圆厂要求。"
            "目前已完成一家12英寸存储晶圆厂的小批量验证。"
        ),
        "keywords": ["六氟化钨", "钨CVD", "电子特气"],
        "specifications": [
            ["纯度", "≥99.999 %"],
            ["MoF6", "≤1 ppm"],
            ["金属杂质", "≤50 ppb/元素"],
            ["充装量", "30 kg/瓶"],
        ],
        "scenarios": "用于逻辑和存储芯片钨塞、钨字线的化学气相沉积工艺。",
        "certifications": "ISO 9001",
        "industry": "3985",
        "chain_nodes": ["ic/specialty-gas"],
        "status": "pending_review",
    },
    {
        "org": "sh-weigui",
        "title": "12英寸再生晶圆（测试片与挡片）",
        "summary": "对晶圆厂使用后的控片、挡片进行去膜、研磨和抛光再生，可重复再生5至8次。",
        "description": (
            "再生流程包括膜层剥离、双面研磨、化学机械抛光和兆声波清洗，可去除氧化物、氮化物和金属膜层。"
            "再生后晶圆厚度损失≤30μm/次，表面颗粒（≥37nm）≤30个，表面金属≤5E10 atoms/cm²。"
            "月再生能力15万片，交付周期7至10天。"
            "可为晶圆厂降低测试片采购成本约60%。"
        ),
        "keywords": ["再生晶圆", "测试片", "控片", "CMP"],
        "specifications": [
            ["尺寸", "300 mm"],
            ["单次厚度损失", "≤30 μm"],
            ["表面颗粒", "≤30 个（≥37 nm）"],
            ["表面金属", "≤5E10 atoms/cm²"],
            ["月产能", "15万片"],
        ],
        "scenarios": "用于晶圆厂工艺监控片、设备挡片和暖机片的循环使用。",
        "certifications": "ISO 9001；ISO 14001",
        "industry": "3985",
        "chain_nodes": ["ic/wafer"],
        "status": "published",
    },
    {
        "org": "sh-weigui",
        "title": "6英寸导电型4H-SiC衬底",
        "summary": "微管密度≤0.5个/cm²、电阻率0.015~0.025Ω·cm的6英寸N型碳化硅衬底。",
        "description": (
            "采用物理气相传输法（PVT）生长4H-SiC单晶，经多线切割、双面研磨和化学机械抛光加工成衬底。"
            "微管密度≤0.5个/cm²，基平面位错密度≤1000个/cm²，电阻率0.015~0.025Ω·cm。"
            "总厚度偏差（TTV）≤5μm，翘曲度≤30μm，Si面粗糙度Ra≤0.2nm。"
            "产品已用于下游企业外延生长和1200V MOSFET器件制造。"
        ),
        "keywords": ["碳化硅衬底", "4H-SiC", "PVT长晶", "功率器件"],
        "specifications": [
            ["直径", "150 mm"],
            ["微管密度", "≤0.5 个/cm²"],
            ["电阻率", "0.015 ~ 0.025 Ω·cm"],
            ["TTV", "≤5 μm"],
            ["表面粗糙度", "Ra ≤0.2 nm（Si面）"],
        ],
        "scenarios": "用于碳化硅外延片生长以及SiC MOSFET、SBD等功率器件制造。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "3985",
        "chain_nodes": ["ic/wafer", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "nj-xintu",
        "title": "XT-Verify物理验证工具",
        "summary": "支持DRC/LVS/ERC的分布式物理验证工具，28nm全芯片验证时间较单机缩短80%。",
        "description": (
            "工具采用层次化几何引擎和分布式任务调度架构，可在256核集群上并行运行。"
            "兼容主流规则文件语法，内置规则转换器，已获得3家代工厂28nm至180nm工艺的PDK认证。"
            "在28nm、约1.5亿门规模的SoC全芯片DRC验证中，运行时间由单机36小时缩短至6小时。"
            "提供图形化调试界面和与主流版图编辑器的交叉定位接口。"
        ),
        "keywords": ["EDA", "物理验证", "DRC", "LVS"],
        "specifications": [
            ["支持工艺", "28 nm ~ 180 nm"],
            ["并行规模", "≤256 核"],
            ["输入格式", "GDSII / OASIS"],
            ["验证类型", "DRC、LVS、ERC、天线效应"],
        ],
        "scenarios": "用于数字、模拟和混合信号芯片流片前的签核验证，也可用于代工厂PDK规则开发。",
        "certifications": "ISO 9001；软件著作权登记",
        "industry": "6512",
        "chain_nodes": ["ic/eda-tools"],
        "status": "published",
    },
    {
        "org": "nj-xintu",
        "title": "XT-RCX寄生参数提取工具",
        "summary": "基于场求解器校准的全芯片RC寄生参数提取工具，电容提取误差≤3%。",
        "description": (
            "工具采用模式匹配加三维场求解器校准的混合算法，提取互连线寄生电阻、电容和耦合电容。"
            "以场求解器结果为基准，总电容误差≤3%，耦合电容误差≤5%。"
            "输出SPEF和DSPF格式，可直接用于静态时序分析和后仿真。"
            "目前正在与两家设计企业开展40nm工艺的对标测试。"
        ),
        "keywords": ["寄生参数提取", "EDA", "时序签核"],
        "specifications": [
            ["总电容误差", "≤3 %"],
            ["耦合电容误差", "≤5 %"],
            ["输出格式", "SPEF / DSPF"],
        ],
        "scenarios": "用于数字芯片时序签核和模拟电路后仿真。",
        "certifications": "",
        "industry": "6512",
        "chain_nodes": ["ic/eda-tools"],
        "status": "draft",
    },
    {
        "org": "hf-ruigan",
        "title": "车规级MEMS绝压传感器芯片RG-P300",
        "summary": "集成信号调理ASIC的MEMS绝压传感器，全温区综合精度±1%FS，满足AEC-Q100 Grade 0。",
        "description": (
            "芯片采用硅压阻式MEMS敏感结构与24位Σ-Δ ADC信号调理ASIC双芯片封装。"
            "量程覆盖10kPa至400kPa，-40℃至150℃全温区综合精度±1%FS。"
            "内置数字温度补偿和断线诊断功能，支持SENT和I²C输出。"
            "已批量用于电池包气压监测、热泵空调冷媒压力检测和进气歧管压力检测。"
        ),
        "keywords": ["MEMS", "压力传感器", "车规芯片", "信号调理"],
        "specifications": [
            ["量程", "10 ~ 400 kPa"],
            ["综合精度", "±1 %FS（-40 ~ 150 ℃）"],
            ["输出接口", "SENT / I²C"],
            ["工作电压", "5 V ±10 %"],
        ],
        "scenarios": "用于电池包热失控气压预警、热泵空调冷媒压力检测和发动机进气压力测量。",
        "certifications": "AEC-Q100 Grade 0；IATF 16949",
        "industry": "6520",
        "chain_nodes": ["ic/sensor-chip", "nev/pack"],
        "status": "published",
    },
    {
        "org": "sz-yuanfeng",
        "title": "车规级16通道电池监测AFE芯片YF8616",
        "summary": "单芯片监测16节电芯，电压测量误差±1.5mV，支持菊花链通信和ASIL-D功能安全。",
        "description": (
            "芯片集成16路高精度电压采集、8路温度采集和被动均衡驱动，电压测量误差±1.5mV（-40℃至105℃）。"
            "内置隔离式菊花链通信接口，最多级联32颗，通信速率2Mbps。"
            "集成冗余ADC和开路检测等安全机制，按ISO 26262 ASIL-D流程开发。"
            "已配套储能和两轮车电池包批量出货，乘用车项目处于定点阶段。"
        ),
        "keywords": ["BMS", "AFE", "电池监测芯片", "功能安全"],
        "specifications": [
            ["监测通道", "16 节电芯"],
            ["电压测量误差", "±1.5 mV"],
            ["菊花链级联", "≤32 颗"],
            ["工作温度", "-40 ~ 125 ℃"],
            ["封装", "LQFP64"],
        ],
        "scenarios": "用于新能源乘用车、商用车动力电池管理系统和工商业储能电池簇。",
        "certifications": "AEC-Q100 Grade 1；ISO 26262 ASIL-D（流程）",
        "industry": "6520",
        "chain_nodes": ["ic/analog", "nev/bms"],
        "status": "published",
    },
    {
        "org": "sz-yuanfeng",
        "title": "车规级60V同步降压DC-DC转换器",
        "summary": "输入4.5V至60V、输出电流5A的同步降压转换器，峰值效率95%，适配12V/48V车载系统。",
        "description": (
            "芯片采用峰值电流模式控制，集成高边与低边功率MOSFET，开关频率200kHz至2.2MHz可调。"
            "输入电压4.5V至60V，持续输出电流5A，峰值效率95%，静态电流仅12μA。"
            "支持展频调制，满足CISPR 25 Class 5辐射要求。"
            "已批量用于域控制器和车载摄像头供电。"
        ),
        "keywords": ["DC-DC", "电源管理芯片", "车规", "同步降压"],
        "specifications": [
            ["输入电压", "4.5 ~ 60 V"],
            ["输出电流", "5 A"],
            ["峰值效率", "95 %"],
            ["静态电流", "12 μA"],
            ["封装", "QFN 4×4 mm"],
        ],
        "scenarios": "用于智能驾驶域控制器、车载信息娱乐系统和48V轻混系统的二次电源。",
        "certifications": "AEC-Q100 Grade 1",
        "industry": "6520",
        "chain_nodes": ["ic/analog", "ic/auto-electronics"],
        "status": "published",
    },
    {
        "org": "wx-lixin",
        "title": "1200V/16mΩ碳化硅MOSFET芯片",
        "summary": "第三代平面栅SiC MOSFET，比导通电阻3.2mΩ·cm²，175℃高温栅偏1000小时无失效。",
        "description": (
            "芯片采用优化JFET区掺杂和高温栅氧退火工艺，降低比导通电阻并提升阈值电压稳定性。"
            "25℃下导通电阻16mΩ，175℃下导通电阻增幅小于60%，比导通电阻3.2mΩ·cm²。"
            "阈值电压2.8V，栅氧在175℃、±20V高温栅偏1000小时阈值漂移小于0.2V。"
            "已在光伏逆变器和车载OBC中批量应用，并提供裸芯片供模块厂使用。"
        ),
        "keywords": ["碳化硅", "SiC MOSFET", "功率器件", "车规"],
        "specifications": [
            ["击穿电压", "1200 V"],
            ["导通电阻", "16 mΩ（25 ℃）"],
            ["阈值电压", "2.8 V"],
            ["最高结温", "175 ℃"],
            ["芯片面积", "约 4.9 × 4.9 mm"],
        ],
        "scenarios": "用于新能源汽车主驱逆变器、车载充电机、光伏逆变器和储能变流器。",
        "certifications": "AEC-Q101；IATF 16949",
        "industry": "3972",
        "chain_nodes": ["ic/power-device", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "wx-lixin",
        "title": "1200V/400A碳化硅半桥功率模块",
        "summary": "采用银烧结和铜线键合的HPD兼容封装SiC模块，可支撑250kW主驱逆变器。",
        "description": (
            "模块采用Si3N4活性金属钎焊（AMB）陶瓷基板，芯片与基板之间采用纳米银烧结连接，顶部采用铜线键合。"
            "1200V/400A规格下导通电阻2.8mΩ，结壳热阻0.09K/W。"
            "功率循环（ΔTj=100K）寿命超过5万次，是焊料模块的3倍以上。"
            "封装外形兼容主流HPD模块，可直接替换。"
        ),
        "keywords": ["碳化硅模块", "银烧结", "主驱逆变器", "HPD封装"],
        "specifications": [
            ["额定电压/电流", "1200 V / 400 A"],
            ["导通电阻", "2.8 mΩ"],
            ["结壳热阻", "0.09 K/W"],
            ["功率循环寿命", "≥5万次（ΔTj=100 K）"],
        ],
        "scenarios": "用于800V高压平台新能源汽车主驱逆变器和大功率快充桩功率单元。",
        "certifications": "AQG 324（进行中）；IATF 16949",
        "industry": "3972",
        "chain_nodes": ["nev/sic-device", "nev/inverter"],
        "status": "published",
    },
    {
        "org": "xa-qinwei",
        "title": "12英寸多区控温静电卡盘",
        "summary": "氧化铝基体双极型静电卡盘，四区独立控温，温度均匀性±1℃，适配刻蚀腔体。",
        "description": (
            "卡盘采用高纯氧化铝共烧内嵌钨电极，双极型设计，吸附力≥15kPa。"
            "内置四区加热电极和背面氦气冷却分区，-20℃至120℃范围内温度均匀性±1℃。"
            "介电层体电阻率1E15Ω·cm以上，耐等离子体侵蚀寿命超过3000射频小时。"
            "已在国产刻蚀设备上完成12英寸工艺验证。"
        ),
        "keywords": ["静电卡盘", "ESC", "刻蚀设备", "精密陶瓷"],
        "specifications": [
            ["适用晶圆", "300 mm"],
            ["吸附力", "≥15 kPa"],
            ["控温分区", "4 区"],
            ["温度均匀性", "±1 ℃"],
            ["使用寿命", "≥3000 RF小时"],
        ],
        "scenarios": "用于介质刻蚀、导体刻蚀和PVD设备的晶圆吸附与温度控制，也可用于进口卡盘翻新替换。",
        "certifications": "ISO 9001",
        "industry": "3562",
        "chain_nodes": ["ic/parts", "ic/etch-depo"],
        "status": "published",
    },
    {
        "org": "xa-qinwei",
        "title": "氮化铝陶瓷加热盘",
        "summary": "最高工作温度650℃的氮化铝加热盘，温度均匀性≤±1.5%，用于CVD和ALD设备。",
        "description": (
            "加热盘以高热导率氮化铝（≥170W/m·K）为基体，内埋钼丝加热体，采用热压烧结一体成型。"
            "最高工作温度650℃，工作温度下表面温度均匀性≤±1.5%。"
            "耐含氟清洗气体腐蚀，热循环1000次无开裂。"
            "目前已完成样件交付，正在设备厂商处开展寿命验证。"
        ),
        "keywords": ["陶瓷加热盘", "氮化铝", "CVD设备"],
        "specifications": [
            ["最高温度", "650 ℃"],
            ["热导率", "≥170 W/m·K"],
            ["温度均匀性", "≤±1.5 %"],
            ["热循环次数", "≥1000 次"],
        ],
        "scenarios": "用于PECVD、SACVD和ALD设备的晶圆加热。",
        "certifications": "",
        "industry": "3562",
        "chain_nodes": ["ic/parts"],
        "status": "pending_review",
    },
    {
        "org": "bj-jingjian",
        "title": "图形化晶圆明场缺陷检测设备JJ-B200",
        "summary": "深紫外宽带照明明场检测设备，灵敏度达60nm缺陷，8英寸产能每小时20片。",
        "description": (
            "设备采用深紫外宽带光源和高数值孔径物镜，结合时间延迟积分（TDI）相机实现高速扫描成像。"
            "通过裸片对比和单元对比算法识别图形缺陷，最小可检出缺陷尺寸60nm。"
            "8英寸晶圆全片检测产能20片/小时，支持缺陷自动分类（ADC），分类准确率≥90%。"
            "首台设备已在8英寸功率器件产线完成在线验证。"
        ),
        "keywords": ["缺陷检测", "明场检测", "量测设备", "机器视觉"],
        "specifications": [
            ["检测灵敏度", "60 nm"],
            ["晶圆尺寸", "150 / 200 mm"],
            ["产能", "20 片/小时（200 mm）"],
            ["缺陷分类准确率", "≥90 %"],
        ],
        "scenarios": "用于8英寸及以下晶圆厂光刻、刻蚀后的在线图形缺陷检测和良率分析。",
        "certifications": "CE；SEMI S2",
        "industry": "3562",
        "chain_nodes": ["ic/metrology"],
        "status": "published",
    },
    {
        "org": "tj-jinke",
        "title": "G5级电子级硫酸",
        "summary": "符合SEMI C44 Grade 5的电子级硫酸，单项金属杂质≤10ppt，用于晶圆清洗和去胶。",
        "description": (
            "产品以工业发烟硫酸为原料，经亚沸蒸馏、多级过滤和全氟材料储运制得。"
            "浓度96%至98%，单项金属杂质≤10ppt，颗粒（≥0.05μm）≤100个/mL。"
            "采用PFA内衬吨桶和ISO罐箱交付，配套在线颗粒计数检测报告。"
            "已批量供应光伏和8英寸晶圆客户，12英寸产线正在认证中。"
        ),
        "keywords": ["湿电子化学品", "电子级硫酸", "SPM清洗", "G5"],
        "specifications": [
            ["浓度", "96 ~ 98 %"],
            ["金属杂质", "≤10 ppt/元素"],
            ["颗粒", "≤100 个/mL（≥0.05 μm）"],
            ["包装", "PFA吨桶 / ISO罐箱"],
        ],
        "scenarios": "用于晶圆SPM清洗、光刻胶剥离和面板阵列制程清洗。",
        "certifications": "ISO 9001；ISO 14001",
        "industry": "2661",
        "chain_nodes": ["ic/wet-chem"],
        "status": "published",
    },
    {
        "org": "xm-luwei",
        "title": "LW32M4工业级电机控制MCU",
        "summary": "Cortex-M4F内核、主频200MHz，集成3路12位高速ADC和高精度PWM的电机控制MCU。",
        "description": (
            "芯片基于Cortex-M4F内核，主频200MHz，内置512KB Flash和128KB SRAM。"
            "集成3路12位5Msps ADC、4个运放和比较器，高分辨率PWM精度达150ps。"
            "支持FOC矢量控制硬件加速单元，单电机FOC周期计算时间小于3μs。"
            "工作温度-40℃至105℃，可替代同类进口MCU用于伺服驱动和变频器。"
        ),
        "keywords": ["MCU", "电机控制", "工业控制", "FOC"],
        "specifications": [
            ["内核/主频", "Cortex-M4F / 200 MHz"],
            ["存储", "512 KB Flash / 128 KB SRAM"],
            ["ADC", "3 × 12 bit，5 Msps"],
            ["PWM分辨率", "150 ps"],
            ["工作温度", "-40 ~ 105 ℃"],
        ],
        "scenarios": "用于伺服驱动器、通用变频器、光伏逆变器和工业机器人关节控制。",
        "certifications": "ISO 9001；IEC 61508 SIL2（流程）",
        "industry": "6520",
        "chain_nodes": ["ic/mcu", "ic/industrial-control"],
        "status": "published",
    },
    {
        "org": "zh-jingshan",
        "title": "晶圆级扇出型封装代工服务",
        "summary": "提供12英寸芯片先置与后置扇出封装，RDL最小线宽线距5/5μm，支持多芯片集成。",
        "description": (
            "基于12英寸晶圆重构工艺，提供芯片先置面朝下（Chip-first）和RDL先置（RDL-first）两种扇出方案。"
            "RDL最小线宽线距5μm/5μm，最多4层布线，封装厚度可薄至0.35mm。"
            "模塑翘曲控制在300μm以内，封装良率≥99.5%。"
            "已为射频前端模组和可穿戴主控芯片提供量产服务。"
        ),
        "keywords": ["扇出封装", "Fan-out", "RDL", "晶圆级封装"],
        "specifications": [
            ["晶圆尺寸", "300 mm"],
            ["RDL线宽/线距", "5 / 5 μm"],
            ["布线层数", "≤4 层"],
            ["封装厚度", "≥0.35 mm"],
            ["封装良率", "≥99.5 %"],
        ],
        "scenarios": "用于射频前端、电源管理、可穿戴设备主控和多芯片集成封装。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging", "ic/consumer"],
        "status": "published",
    },
    {
        "org": "wx-chengxin",
        "title": "车规级碳化硅功率模块封装平台",
        "summary": "集成银烧结、铜线键合和转模塑封的SiC模块封装线，年产能30万只，支持客户定制。",
        "description": (
            "封装平台具备芯片银烧结、AMB基板大面积烧结、铜线键合和环氧转模塑封的完整工艺能力。"
            "烧结层孔隙率≤5%，剪切强度≥40MPa，模块局部放电≤10pC（@1.5倍额定电压）。"
            "模块通过AQG 324温度循环、功率循环和高温高湿反偏（H3TRB）等考核。"
            "可按客户芯片提供HPD、DCM和TPAK等封装形式的开发与量产。"
        ),
        "keywords": ["碳化硅模块", "功率封装", "银烧结", "车规"],
        "specifications": [
            ["年产能", "30万只"],
            ["烧结层孔隙率", "≤5 %"],
            ["剪切强度", "≥40 MPa"],
            ["局部放电", "≤10 pC"],
        ],
        "scenarios": "面向功率芯片企业提供车规主驱模块、OBC模块和光伏储能模块的封装代工。",
        "certifications": "IATF 16949；AQG 324",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "bj-yanke",
        "title": "12英寸电感耦合等离子体刻蚀设备",
        "summary": "双频ICP刻蚀机，关键尺寸均匀性≤1.5%（3σ），适用于28nm及以上硅和金属刻蚀。",
        "description": (
            "设备采用双频射频电源和可调平面线圈，独立控制等离子体密度和离子能量。"
            "刻蚀速率均匀性≤2%，关键尺寸均匀性≤1.5%（3σ），颗粒增加≤10颗（≥45nm）。"
            "单平台可配置4个工艺腔，支持原位腔体清洗和终点检测。"
            "设备已在多条12英寸产线用于浅沟槽隔离、栅极和金属层刻蚀。"
        ),
        "keywords": ["刻蚀设备", "ICP", "半导体设备", "12英寸"],
        "specifications": [
            ["晶圆尺寸", "300 mm"],
            ["工艺腔数量", "≤4"],
            ["CD均匀性", "≤1.5 %（3σ）"],
            ["颗粒增加", "≤10 颗（≥45 nm）"],
        ],
        "scenarios": "用于逻辑、存储和功率器件产线的硅、多晶硅和金属层刻蚀。",
        "certifications": "SEMI S2；SEMI S8；CE",
        "industry": "3562",
        "chain_nodes": ["ic/etch-depo"],
        "status": "published",
    },
    # ----- 新能源汽车 -----
    {
        "org": "cz-tengli",
        "title": "高压实磷酸锰铁锂正极材料TL-M65",
        "summary": "锰铁比6:4的LMFP正极，克容量≥150mAh/g，压实密度2.55g/cm³，可与三元掺混使用。",
        "description": (
            "产品采用草酸亚铁和锰源共沉淀前驱体，经纳米化包覆碳和离子掺杂工艺制备。"
            "0.1C放电克容量≥150mAh/g，平均电压3.9V，较磷酸铁锂能量密度提升约15%。"
            "极片压实密度2.55g/cm³，1C循环2000次容量保持率≥85%。"
            "可单独使用，也可与NCM523按3:7掺混以提高安全性和降低成本。"
        ),
        "keywords": ["磷酸锰铁锂", "LMFP", "正极材料", "动力电池"],
        "specifications": [
            ["克容量", "≥150 mAh/g（0.1C）"],
            ["平均电压", "3.9 V"],
            ["压实密度", "2.55 g/cm³"],
            ["循环寿命", "≥2000 次（80 %SOH以上）"],
            ["比表面积", "14 ~ 18 m²/g"],
        ],
        "scenarios": "用于A0/A级纯电乘用车、两轮电动车电池和户用储能电池。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "3985",
        "chain_nodes": ["nev/cathode"],
        "status": "published",
    },
    {
        "org": "cs-xiangtan",
        "title": "CVD沉积硅碳复合负极材料",
        "summary": "多孔碳骨架气相沉积纳米硅，可逆容量1800mAh/g，首效≥91%，体积膨胀较氧化亚硅降低约40%。",
        "description": (
            "以树脂基多孔碳为骨架，通过硅烷化学气相沉积将纳米硅填充于孔隙内部，再包覆无定形碳层。"
            "材料可逆容量1800mAh/g，首次库伦效率≥91%，振实密度0.9g/cm³。"
            "按10%比例与石墨掺混制成的全电池，1C循环1000次容量保持率≥82%。"
            "材料满电极片膨胀率较同容量氧化亚硅负极降低约40%。"
        ),
        "keywords": ["硅碳负极", "CVD", "高能量密度", "快充"],
        "specifications": [
            ["可逆容量", "1800 mAh/g"],
            ["首次效率", "≥91 %"],
            ["D50粒径", "7 ~ 10 μm"],
            ["振实密度", "0.9 g/cm³"],
        ],
        "scenarios": "用于高端消费电子电池、4C快充动力电池和无人机电池。",
        "certifications": "ISO 9001",
        "industry": "3091",
        "chain_nodes": ["nev/anode"],
        "status": "published",
    },
    {
        "org": "cq-yumo",
        "title": "芳纶涂覆湿法锂电池隔膜",
        "summary": "9μm基膜+2μm芳纶涂层，180℃热收缩≤3%，显著提升电芯热失控防护能力。",
        "description": (
            "以9μm聚乙烯湿法基膜为基底，单面涂覆2μm间位芳纶多孔层。"
            "180℃/1h热收缩率≤3%（MD/TD），闭孔温度约132℃，破膜温度≥230℃。"
            "透气度≤200s/100mL，穿刺强度≥450gf。"
            "在针刺和热箱试验中可有效延缓内短路扩展，已通过两家电芯企业验证。"
        ),
        "keywords": ["隔膜", "芳纶涂覆", "电池安全", "湿法基膜"],
        "specifications": [
            ["总厚度", "11 μm（9+2）"],
            ["热收缩", "≤3 %（180 ℃/1 h）"],
            ["破膜温度", "≥230 ℃"],
            ["透气度", "≤200 s/100 mL"],
            ["穿刺强度", "≥450 gf"],
        ],
        "scenarios": "用于高镍三元动力电池、快充电池和储能电池等对热安全要求高的场景。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "2921",
        "chain_nodes": ["nev/separator"],
        "status": "published",
    },
    {
        "org": "sz-zhichu",
        "title": "分布式主动均衡电池管理系统",
        "summary": "双向反激主动均衡BMS，均衡电流5A，SOC估算误差≤3%，可提升电池包可用容量4%~8%。",
        "description": (
            "系统由主控单元（BMU）和从控单元（CSC）组成，从控采用双向反激拓扑实现电芯间能量转移。"
            "均衡电流最大5A，均衡效率≥88%，可在充电、放电和静置状态下工作。"
            "SOC采用扩展卡尔曼滤波结合开路电压修正算法，全生命周期估算误差≤3%。"
            "在储能和重卡换电电池包中应用，电池包可用容量提升4%至8%。"
        ),
        "keywords": ["BMS", "主动均衡", "SOC估算", "储能"],
        "specifications": [
            ["均衡电流", "5 A"],
            ["均衡效率", "≥88 %"],
            ["SOC误差", "≤3 %"],
            ["支持串数", "≤400 串"],
            ["通信", "CAN FD / 以太网"],
        ],
        "scenarios": "用于重卡换电电池包、工商业储能系统和电动船舶电池系统。",
        "certifications": "ISO 26262 ASIL-C；GB/T 38661；CE",
        "industry": "3670",
        "chain_nodes": ["nev/bms"],
        "status": "published",
    },
    {
        "org": "sz-zhichu",
        "title": "动力电池云端健康诊断与热失控预警平台",
        "summary": "基于车端数据和电化学模型的云端平台，SOH估算误差≤3%，热失控提前30分钟以上预警。",
        "description": (
            "平台接入GB/T 32960车辆监控数据和BMS高频数据，融合等效电路模型与机器学习算法评估电池健康状态。"
            "SOH估算误差≤3%，可识别微短路、析锂和连接松动等12类异常。"
            "热失控预警通过电压一致性、温升速率和自放电特征综合判断，历史数据回测提前预警时间中位数为42分钟。"
            "已接入车辆约12万辆，支持私有化部署。"
        ),
        "keywords": ["电池健康", "热失控预警", "云端BMS", "大数据"],
        "specifications": [
            ["SOH误差", "≤3 %"],
            ["异常类别", "12 类"],
            ["预警提前量", "≥30 min"],
            ["接入规模", "≥10万辆"],
        ],
        "scenarios": "用于整车厂车辆运营监控、电池资产评估、储能电站运维和退役电池残值评估。",
        "certifications": "等保三级；ISO 27001",
        "industry": "3670",
        "chain_nodes": ["nev/bms", "nev/recycling"],
        "status": "published",
    },
    {
        "org": "wh-jiangtong",
        "title": "JT-M128车规级MEMS半固态激光雷达",
        "summary": "905nm MEMS扫描激光雷达，等效128线，10%反射率测距200m，满足前装量产要求。",
        "description": (
            "产品采用905nm多结激光器阵列和二维MEMS微振镜扫描，接收端采用SiPM单光子探测器。"
            "水平视场角120°，垂直视场角25°，ROI区域角分辨率0.1°×0.1°。"
            "10%反射率目标测距200m，点频153万点/秒，整机功耗≤15W。"
            "已通过ISO 16750环境可靠性试验，获得两家整车企业前装定点。"
        ),
        "keywords": ["激光雷达", "MEMS", "智能驾驶", "车规"],
        "specifications": [
            ["视场角", "120° × 25°"],
            ["角分辨率", "0.1° × 0.1°（ROI）"],
            ["测距", "200 m @10 %"],
            ["点频", "153万点/秒"],
            ["功耗", "≤15 W"],
        ],
        "scenarios": "用于乘用车高速NOA和城市NOA、干线物流重卡和港口无人集卡。",
        "certifications": "IATF 16949；ISO 16750；IEC 60825-1 Class 1",
        "industry": "3940",
        "chain_nodes": ["nev/lidar"],
        "status": "published",
    },
    {
        "org": "wuhu-jiuzi",
        "title": "R744二氧化碳热泵空调模块",
        "summary": "采用CO2自然工质的集成式热泵模块，-20℃制热COP≥2.0，GWP值为1。",
        "description": (
            "模块集成电动压缩机接口、气体冷却器、回热器和多通阀，采用跨临界CO2循环。"
            "-20℃环境下制热COP≥2.0，-30℃仍可稳定制热。"
            "工质GWP为1，满足欧盟MAC指令要求。"
            "目前已完成A样件台架测试，正在开展冬季标定。"
        ),
        "keywords": ["热泵空调", "CO2冷媒", "整车热管理"],
        "specifications": [
            ["制热COP", "≥2.0（-20 ℃）"],
            ["最低制热环境温度", "-30 ℃"],
            ["系统工作压力", "≤13 MPa"],
        ],
        "scenarios": "用于寒区纯电乘用车的乘员舱采暖与电池加热。",
        "certifications": "",
        "industry": "3670",
        "chain_nodes": ["nev/thermal"],
        "status": "draft",
    },
    {
        "org": "wuhu-jiuzi",
        "title": "新能源汽车热管理电子膨胀阀",
        "summary": "步进电机驱动的电子膨胀阀，开度分辨率500步，内泄漏≤50mL/min，寿命60万次。",
        "description": (
            "阀体采用铝合金锻造和不锈钢针阀结构，步进电机驱动，支持LIN总线控制。"
            "全行程500步，流量线性度±5%，关闭状态内泄漏≤50mL/min（R1234yf）。"
            "耐久试验全行程动作60万次无失效，工作温度-40℃至120℃。"
            "产品已配套热泵空调和电池冷却回路，年供货约180万只。"
        ),
        "keywords": ["电子膨胀阀", "热管理", "热泵", "LIN总线"],
        "specifications": [
            ["全行程步数", "500 步"],
            ["内泄漏", "≤50 mL/min"],
            ["动作寿命", "≥60万次"],
            ["通信接口", "LIN 2.2"],
            ["工作温度", "-40 ~ 120 ℃"],
        ],
        "scenarios": "用于新能源汽车热泵空调系统、电池包冷却回路和电驱冷却回路。",
        "certifications": "IATF 16949；ISO 14001",
        "industry": "3670",
        "chain_nodes": ["nev/thermal"],
        "status": "published",
    },
    {
        "org": "nb-yongchi",
        "title": "扁线油冷驱动电机定子总成",
        "summary": "8层发卡绕组油冷定子，槽满率≥72%，配套电机峰值功率220kW、最高效率97.5%。",
        "description": (
            "定子采用8层Hair-pin扁线绕组和0.25mm高牌号硅钢片，槽满率≥72%。"
            "端部焊接采用绿激光焊接，焊点熔深一致性±0.1mm，焊接后进行绝缘浸漆和100%局放检测。"
            "配套电机峰值功率220kW，最高效率97.5%，CLTC工况效率≥91%。"
            "支持800V高压平台，绝缘系统满足1500V局放起始电压要求。"
        ),
        "keywords": ["扁线电机", "发卡绕组", "油冷", "驱动电机"],
        "specifications": [
            ["绕组层数", "8 层"],
            ["槽满率", "≥72 %"],
            ["电机峰值功率", "220 kW"],
            ["最高效率", "97.5 %"],
            ["局放起始电压", "≥1500 V"],
        ],
        "scenarios": "用于400V/800V平台纯电乘用车主驱电机和增程车型发电机。",
        "certifications": "IATF 16949；ISO 14001",
        "industry": "3812",
        "chain_nodes": ["nev/motor"],
        "status": "published",
    },
    {
        "org": "qd-hanchong",
        "title": "600kW液冷超充终端",
        "summary": "单枪最大输出600A/1000V，液冷枪线重量降低40%，支持功率动态分配。",
        "description": (
            "终端由分体式功率柜和液冷充电终端组成，功率柜采用30kW碳化硅充电模块，可在多个终端间按需分配功率。"
            "单枪最大电压1000V、最大电流600A，整机峰值效率96%。"
            "液冷枪线截面积较自然冷却降低约60%，枪线重量降低40%。"
            "已在高速服务区和城市超充站示范运营，单车充电10分钟可补能约300km。"
        ),
        "keywords": ["超充", "液冷充电", "直流快充", "碳化硅模块"],
        "specifications": [
            ["最大输出电压", "1000 V"],
            ["单枪最大电流", "600 A"],
            ["系统功率", "600 kW（功率柜）"],
            ["峰值效率", "96 %"],
            ["防护等级", "IP55"],
        ],
        "scenarios": "用于高速公路服务区、城市超充站和重卡换电站补能。",
        "certifications": "CQC；CE；GB/T 18487.1",
        "industry": "3829",
        "chain_nodes": ["nev/charger"],
        "status": "published",
    },
    {
        "org": "gz-zhangjiang",
        "title": "退役动力电池柔性拆解与湿法再生成套工艺包",
        "summary": "带电破碎+选择性浸出工艺，镍钴锰回收率≥98.5%，锂回收率≥90%，吨处理能耗降低20%。",
        "description": (
            "工艺包括电池包柔性拆解、惰性气氛带电破碎、物理分选、选择性酸浸和萃取分离等环节。"
            "采用优先提锂工艺，锂回收率≥90%，镍钴锰综合回收率≥98.5%。"
            "拆解线兼容方形、软包和圆柱电池，单线处理能力1万吨/年。"
            "与传统工艺相比吨处理能耗降低约20%，废水回用率≥85%。"
        ),
        "keywords": ["电池回收", "湿法冶金", "梯次利用", "优先提锂"],
        "specifications": [
            ["镍钴锰回收率", "≥98.5 %"],
            ["锂回收率", "≥90 %"],
            ["单线处理能力", "1万吨/年"],
            ["废水回用率", "≥85 %"],
        ],
        "scenarios": "适用于电池回收企业新建或改造湿法回收产线，以及电池企业的生产废料闭环回收。",
        "certifications": "ISO 14001；ISO 45001",
        "industry": "4210",
        "chain_nodes": ["nev/recycling"],
        "status": "published",
    },
    {
        "org": "sz-lvxiang",
        "title": "免热处理高强韧压铸铝合金LX-60",
        "summary": "铸态屈服强度≥130MPa、延伸率≥10%的Al-Si-Mn-Mg系压铸合金，省去T7热处理工序。",
        "description": (
            "合金以Al-Si-Mn-Mg为主体，通过Sr变质和微量Zr、Ti复合细化，铸态即可满足结构件性能要求。"
            "3mm试样铸态屈服强度≥130MPa，抗拉强度≥260MPa，延伸率≥10%。"
            "流动性与ADC12相当，适用于6000吨以上大型一体化压铸。"
            "省去固溶时效工序后，零件变形减少，单件制造成本降低约15%。"
        ),
        "keywords": ["免热处理合金", "一体化压铸", "轻量化", "铝合金"],
        "specifications": [
            ["屈服强度", "≥130 MPa（铸态）"],
            ["抗拉强度", "≥260 MPa"],
            ["延伸率", "≥10 %"],
            ["适用压铸机", "≥6000 t"],
        ],
        "scenarios": "用于一体化压铸后地板、前舱总成、电池包壳体和减震塔。",
        "certifications": "IATF 16949",
        "industry": "3392",
        "chain_nodes": ["nev/die-casting"],
        "status": "published",
    },
    {
        "org": "sz-lvxiang",
        "title": "一体化压铸后地板总成",
        "summary": "9000吨压铸成形的后地板总成，替代70余个冲焊零件，减重约12%。",
        "description": (
            "采用免热处理铝合金在9000吨压铸岛上一次成形，集成后纵梁、后地板和备胎舱等结构。"
            "零件数量由72个减少到2个，焊点减少约800个，总成减重约12%。"
            "关键部位延伸率≥8%，尺寸精度±0.5mm，X射线探伤满足ASTM E505二级要求。"
            "已完成PPAP样件交付。"
        ),
        "keywords": ["一体化压铸", "后地板", "车身轻量化"],
        "specifications": [
            ["压铸机吨位", "9000 t"],
            ["替代零件数", "72 → 2"],
            ["减重比例", "约 12 %"],
            ["尺寸精度", "±0.5 mm"],
        ],
        "scenarios": "用于B级及以上纯电乘用车后车身结构。",
        "certifications": "IATF 16949",
        "industry": "3392",
        "chain_nodes": ["nev/die-casting", "nev/passenger"],
        "status": "pending_review",
    },
    {
        "org": "cs-luzhi",
        "title": "LZ-D200行泊一体智能驾驶域控制器",
        "summary": "单SoC行泊一体方案，算力128TOPS，支持11V5R12U传感器配置和高速NOA功能。",
        "description": (
            "域控制器采用单颗128TOPS智能驾驶SoC加安全MCU的架构，支持11路摄像头、5路毫米波雷达和12路超声波雷达接入。"
            "软件实现BEV感知、多传感器融合和规划控制，支持高速NOA、自动泊车和记忆泊车。"
            "整机功耗≤45W，采用风冷散热，符合ISO 26262 ASIL-B功能安全要求。"
            "已在两款量产车型上交付，累计OTA升级6次。"
        ),
        "keywords": ["域控制器", "行泊一体", "NOA", "智能驾驶"],
        "specifications": [
            ["AI算力", "128 TOPS"],
            ["传感器接入", "11V5R12U"],
            ["整机功耗", "≤45 W"],
            ["功能安全", "ASIL-B"],
        ],
        "scenarios": "用于15万至25万元价位纯电和插混乘用车的L2+辅助驾驶。",
        "certifications": "IATF 16949；ISO 26262 ASIL-B；ASPICE CL2",
        "industry": "3962",
        "chain_nodes": ["nev/adas"],
        "status": "published",
    },
    {
        "org": "nd-ningchuan",
        "title": "磷酸铁锂长刀片电芯NC-L200",
        "summary": "长度960mm的磷酸铁锂刀片电芯，单体能量密度190Wh/kg，支持CTP成组和3C快充。",
        "description": (
            "电芯采用叠片工艺和高压实磷酸铁锂正极，长度960mm，容量202Ah。"
            "单体质量能量密度190Wh/kg，CTP成组效率≥75%。"
            "25℃下10%至80%SOC快充时间约18分钟，循环寿命≥4000次。"
            "通过GB 38031针刺、热扩散等安全试验，已配套多款纯电车型。"
        ),
        "keywords": ["刀片电芯", "磷酸铁锂", "CTP", "快充"],
        "specifications": [
            ["容量", "202 Ah"],
            ["能量密度", "190 Wh/kg"],
            ["快充时间", "约18 min（10 %~80 %）"],
            ["循环寿命", "≥4000 次"],
        ],
        "scenarios": "用于纯电乘用车和轻型商用车动力电池包，以及储能系统。",
        "certifications": "GB 38031；UN 38.3；IATF 16949",
        "industry": "3841",
        "chain_nodes": ["nev/cell", "nev/pack"],
        "status": "published",
    },
    {
        "org": "cq-yudong",
        "title": "800V碳化硅三合一电驱动总成",
        "summary": "集成SiC电控、扁线电机和两挡减速器，峰值功率250kW，CLTC综合效率92.5%。",
        "description": (
            "总成集成碳化硅电机控制器、8层扁线油冷电机和两级减速器，采用壳体共用和油冷一体化设计。"
            "峰值功率250kW，峰值扭矩420N·m，最高转速22000rpm。"
            "CLTC工况综合效率92.5%，功率密度2.6kW/kg。"
            "已在两款800V平台车型量产，NVH满足整车级45dB(A)以下要求。"
        ),
        "keywords": ["电驱动总成", "800V", "碳化硅", "三合一"],
        "specifications": [
            ["峰值功率", "250 kW"],
            ["峰值扭矩", "420 N·m"],
            ["最高转速", "22000 rpm"],
            ["CLTC综合效率", "92.5 %"],
            ["功率密度", "2.6 kW/kg"],
        ],
        "scenarios": "用于800V高压平台纯电轿车和SUV的前后驱动桥。",
        "certifications": "IATF 16949；ISO 26262 ASIL-C",
        "industry": "3670",
        "chain_nodes": ["nev/inverter", "nev/motor", "nev/reducer"],
        "status": "published",
    },
    # ----- 工业母机 -----
    {
        "org": "dg-jingyan",
        "title": "HSK-A63高速精密电主轴",
        "summary": "最高转速24000rpm、额定功率22kW的加工中心电主轴，径向跳动≤1μm，配置热伸长补偿。",
        "description": (
            "电主轴采用陶瓷球混合轴承和油气润滑，内置永磁同步电机，配置HSK-A63刀具接口。"
            "最高转速24000rpm，额定功率22kW，额定扭矩70N·m，主轴锥孔径向跳动≤1μm。"
            "内置温度和位移传感器，配合数控系统进行热伸长实时补偿，温升伸长补偿后≤5μm。"
            "已批量配套国产立式加工中心和五轴机床，平均无故障时间超过10000小时。"
        ),
        "keywords": ["电主轴", "高速加工", "功能部件", "热补偿"],
        "specifications": [
            ["最高转速", "24000 rpm"],
            ["额定功率", "22 kW"],
            ["额定扭矩", "70 N·m"],
            ["径向跳动", "≤1 μm"],
            ["刀柄接口", "HSK-A63"],
        ],
        "scenarios": "用于航空铝合金结构件、模具和3C结构件的高速铣削。",
        "certifications": "ISO 9001；CE",
        "industry": "3425",
        "chain_nodes": ["machine-tools/spindle"],
        "status": "published",
    },
    {
        "org": "yt-jingchuan",
        "title": "P1级精密滚珠丝杠副",
        "summary": "导程精度达P1级（任意300mm行程变动量≤6μm），预紧力矩波动≤±10%，适配高档加工中心。",
        "description": (
            "丝杠采用GCr15SiMn材料，经中频感应淬火和深冷处理，恒温车间内数控螺纹磨削成形。"
            "任意300mm行程变动量≤6μm，2π弧度内行程变动量≤4μm。"
            "采用双螺母垫片预紧，预紧力矩波动≤±10%，最高线速度60m/min。"
            "已配套国产五轴加工中心和精密磨床，精度保持性达到同类进口产品水平。"
        ),
        "keywords": ["滚珠丝杠", "功能部件", "精密传动", "P1级"],
        "specifications": [
            ["精度等级", "P1（GB/T 17587.3）"],
            ["公称直径", "16 ~ 80 mm"],
            ["300 mm行程变动量", "≤6 μm"],
            ["最高线速度", "60 m/min"],
        ],
        "scenarios": "用于高档数控机床进给轴、精密磨床和半导体设备精密平台。",
        "certifications": "ISO 9001",
        "industry": "3425",
        "chain_nodes": ["machine-tools/ball-screw"],
        "status": "published",
    },
    {
        "org": "yt-jingchuan",
        "title": "重载滚柱直线导轨副",
        "summary": "45°接触滚柱导轨，额定动载荷较同规格滚珠导轨提高约2倍，行走平行度≤3μm/1000mm。",
        "description": (
            "导轨采用四列45°接触角圆柱滚子设计，滑块内置保持链降低滚子歪斜。"
            "45规格额定动载荷达95kN，刚性较同规格滚珠导轨提高约60%。"
            "行走平行度≤3μm/1000mm，最大长度4000mm可整根供货。"
            "适用于重切削龙门加工中心和卧式加工中心。"
        ),
        "keywords": ["直线导轨", "滚柱导轨", "重载", "功能部件"],
        "specifications": [
            ["规格", "25 / 35 / 45 / 55 / 65"],
            ["额定动载荷", "95 kN（45规格）"],
            ["行走平行度", "≤3 μm/1000 mm"],
            ["最大长度", "4000 mm"],
        ],
        "scenarios": "用于龙门加工中心、卧式加工中心和重型车削中心的直线进给轴。",
        "certifications": "ISO 9001",
        "industry": "3425",
        "chain_nodes": ["machine-tools/ball-screw"],
        "status": "published",
    },
    {
        "org": "yt-jingchuan",
        "title": "电动缸用行星滚柱丝杠",
        "summary": "承载能力为同规格滚珠丝杠的3倍以上，适用于大推力伺服电动缸和伺服压力机。",
        "description": (
            "行星滚柱丝杠以多根螺纹滚柱代替滚珠传递载荷，接触点数量大幅增加。"
            "30规格额定动载荷达120kN，导程精度G5级，寿命较同规格滚珠丝杠提高约10倍。"
            "目前已完成样机试制，正在进行伺服电动缸台架寿命试验。"
        ),
        "keywords": ["行星滚柱丝杠", "电动缸", "大推力"],
        "specifications": [
            ["额定动载荷", "120 kN（30规格）"],
            ["导程精度", "G5"],
            ["导程", "5 / 10 mm"],
        ],
        "scenarios": "用于伺服电动缸、伺服压力机和机器人关节等大推力直线执行机构。",
        "certifications": "",
        "industry": "3425",
        "chain_nodes": ["machine-tools/ball-screw", "machine-tools/press"],
        "status": "draft",
    },
    {
        "org": "wh-hanshu",
        "title": "HS-9五轴联动高档数控系统",
        "summary": "支持RTCP、五轴样条插补和双驱同步控制，插补周期0.125ms，适配国产五轴加工中心。",
        "description": (
            "系统采用多核实时操作系统和EtherCAT总线架构，最大控制32轴、8通道，插补周期0.125ms。"
            "具备RTCP刀尖点跟随、五轴样条插补、前瞻速度规划和空间误差补偿功能。"
            "在典型叶轮加工中，较传统直线插补加工效率提升25%，表面粗糙度由Ra1.6μm降至Ra0.8μm。"
            "提供二次开发接口和数字孪生数据接口，支持OPC UA和MTConnect协议。"
        ),
        "keywords": ["数控系统", "五轴联动", "RTCP", "国产化"],
        "specifications": [
            ["最大控制轴数", "32 轴 / 8 通道"],
            ["插补周期", "0.125 ms"],
            ["总线", "EtherCAT"],
            ["最小输入单位", "0.1 μm"],
            ["通信协议", "OPC UA / MTConnect"],
        ],
        "scenarios": "用于五轴加工中心、车铣复合机床和叶片叶轮专用加工机床。",
        "certifications": "ISO 9001；CE；GB/T 26220",
        "industry": "4011",
        "chain_nodes": ["machine-tools/cnc-controller", "machine-tools/five-axis"],
        "status": "published",
    },
    {
        "org": "wh-hanshu",
        "title": "机床健康管理与工艺优化软件",
        "summary": "采集主轴负载、振动和温度数据，实现刀具磨损监测、主轴故障预警和切削参数优化。",
        "description": (
            "软件在边缘侧以10kHz频率采集主轴电流、振动和温度信号，提取时频特征构建刀具磨损模型。"
            "刀具破损识别准确率≥95%，磨损剩余寿命预测误差≤15%。"
            "基于切削力模型对进给速度进行自适应调整，典型零件加工节拍缩短8%至15%。"
            "支持与主流国产和进口数控系统对接。"
        ),
        "keywords": ["智能运维", "刀具监测", "工业软件", "预测性维护"],
        "specifications": [
            ["采样频率", "10 kHz"],
            ["刀具破损识别准确率", "≥95 %"],
            ["剩余寿命预测误差", "≤15 %"],
            ["节拍缩短", "8 % ~ 15 %"],
        ],
        "scenarios": "用于汽车零部件、航空结构件批量加工车间的设备健康管理与工艺优化。",
        "certifications": "软件产品登记；ISO 27001",
        "industry": "4011",
        "chain_nodes": ["machine-tools/cam-software", "machine-tools/auto-parts"],
        "status": "published",
    },
    {
        "org": "zz-mofeng",
        "title": "新能源汽车电机壳PCD成形刀具",
        "summary": "定制化PCD复合镗铣刀具，一次装夹完成电机壳定子孔与轴承孔加工，寿命达8万件。",
        "description": (
            "刀具采用细晶粒PCD刀片真空钎焊于硬质合金刀体，刃口经激光精修，刃口钝圆半径≤3μm。"
            "针对ADC12和A356铝合金电机壳体，一把刀具完成定子孔粗精镗和轴承孔精镗。"
            "定子孔圆柱度≤8μm，表面粗糙度Ra≤0.8μm，单刃寿命达8万件。"
            "较硬质合金刀具加工节拍缩短35%。"
        ),
        "keywords": ["PCD刀具", "电机壳体", "铝合金加工", "超硬刀具"],
        "specifications": [
            ["刃口钝圆半径", "≤3 μm"],
            ["定子孔圆柱度", "≤8 μm"],
            ["表面粗糙度", "Ra ≤0.8 μm"],
            ["刀具寿命", "≥8万件"],
        ],
        "scenarios": "用于新能源汽车驱动电机壳体、减速器壳体和电池托盘的高效精密加工。",
        "certifications": "ISO 9001",
        "industry": "3321",
        "chain_nodes": ["machine-tools/cutting-tool", "machine-tools/auto-parts"],
        "status": "published",
    },
    {
        "org": "zz-mofeng",
        "title": "淬硬齿轮内孔PCBN精车刀片",
        "summary": "用于HRC58~62淬硬齿轮内孔精车的PCBN刀片，以车代磨。",
        "description": (
            "刀片采用高CBN含量复合片，适用于渗碳淬火齿轮内孔和端面精车。"
            "宣称寿命达到国际一流品牌的10倍，可全面以车代磨。"
            "适用于新能源汽车减速器齿轮。"
        ),
        "keywords": ["PCBN", "以车代磨", "淬硬钢"],
        "specifications": [
            ["适用硬度", "HRC 58 ~ 62"],
            ["刀片型号", "CNGA120408 / DNGA150408"],
            ["CBN含量", "约 65 %"],
        ],
        "scenarios": "用于减速器齿轮、同步器齿圈等淬硬零件的内孔精车。",
        "certifications": "",
        "industry": "3321",
        "chain_nodes": ["machine-tools/cutting-tool"],
        "status": "rejected",
        "rejection_reason": (
            "产品描述中“寿命达到国际一流品牌的10倍”缺少对比试验条件和第三方检测报告，"
            "且未给出加工精度、表面粗糙度等关键指标。请补充切削参数、对比试验数据或删除相关表述后重新提交。"
        ),
    },
    {
        "org": "hz-jingdu",
        "title": "JD-LI6六自由度激光干涉仪",
        "summary": "单次安装同步测量线性定位、直线度、俯仰、偏摆和滚转误差，线性测量精度±0.5ppm。",
        "description": (
            "仪器采用稳频氦氖激光器和多光束干涉光路，配合四象限探测器和电子水平仪实现六自由度误差同步测量。"
            "线性定位测量精度±0.5ppm，角度测量分辨率0.01″，直线度测量精度±(0.5+0.5%×测量值)μm。"
            "单轴六项误差测量时间由传统方式的约8小时缩短至1.5小时。"
            "配套软件可生成符合ISO 230-2和GB/T 17421.2的评定报告，并直接输出数控系统补偿文件。"
        ),
        "keywords": ["激光干涉仪", "机床精度检测", "误差补偿", "计量仪器"],
        "specifications": [
            ["线性测量精度", "±0.5 ppm"],
            ["测量距离", "0 ~ 40 m"],
            ["角度分辨率", "0.01 ″"],
            ["最大测量速度", "4 m/s"],
        ],
        "scenarios": "用于机床整机出厂检验、大修后精度恢复、空间误差补偿以及计量院所量值传递。",
        "certifications": "ISO 9001；CNAS校准证书",
        "industry": "4013",
        "chain_nodes": ["machine-tools/measuring"],
        "status": "published",
    },
    {
        "org": "hz-jingdu",
        "title": "无线触发式机床在机测头",
        "summary": "2.4GHz跳频无线传输的触发式测头，单向重复性≤1μm，支持工件找正与在机检测。",
        "description": (
            "测头采用应变片式触发结构，2.4GHz跳频无线传输，传输距离15m。"
            "单向重复性≤1μm（2σ），各向预行程变化≤1μm。"
            "配套宏程序支持工件自动找正、关键尺寸在机检测和刀具破损检测。"
            "电池续航约400小时，防护等级IP68。"
        ),
        "keywords": ["在机测量", "机床测头", "无线传输"],
        "specifications": [
            ["单向重复性", "≤1 μm（2σ）"],
            ["传输距离", "15 m"],
            ["电池续航", "约400 h"],
            ["防护等级", "IP68"],
        ],
        "scenarios": "用于加工中心、车铣复合机床的工件找正、尺寸在机检测和首件检验。",
        "certifications": "CE",
        "industry": "4013",
        "chain_nodes": ["machine-tools/measuring"],
        "status": "pending_review",
    },
    {
        "org": "tz-haijing",
        "title": "直驱力矩电机双轴摇篮转台",
        "summary": "A/C双轴直驱摇篮转台，C轴最高转速1000rpm，定位精度A轴±5″、C轴±4″。",
        "description": (
            "转台A、C轴均采用力矩电机直接驱动，消除蜗轮蜗杆传动间隙，配置高精度绝对式圆光栅。"
            "A轴摆角±120°，C轴360°连续回转，C轴最高转速1000rpm。"
            "定位精度A轴±5″、C轴±4″，重复定位精度±2″，承载200kg。"
            "可将三轴立式加工中心升级为五轴机床，支持车铣复合加工。"
        ),
        "keywords": ["数控转台", "力矩电机", "五轴", "功能部件"],
        "specifications": [
            ["台面直径", "Φ320 mm"],
            ["A轴摆角", "±120 °"],
            ["C轴最高转速", "1000 rpm"],
            ["定位精度", "A轴 ±5″ / C轴 ±4″"],
            ["最大承载", "200 kg"],
        ],
        "scenarios": "用于五轴立式加工中心、叶轮加工和精密零件多面加工。",
        "certifications": "ISO 9001；CE",
        "industry": "3425",
        "chain_nodes": ["machine-tools/turret", "machine-tools/five-axis"],
        "status": "published",
    },
    {
        "org": "cz-longcheng",
        "title": "机床进给轴高响应伺服系统",
        "summary": "配备26位绝对值编码器的交流伺服系统，速度环带宽≥3kHz，转矩波动≤1%。",
        "description": (
            "系统由永磁同步伺服电机和EtherCAT总线驱动器组成，编码器分辨率26位（单圈）。"
            "速度环带宽≥3kHz，电流环更新周期31.25μs，额定转矩下转矩波动≤1%。"
            "具备振动抑制、摩擦补偿和龙门双驱同步功能。"
            "已配套国产数控系统在立式加工中心和车床上批量应用。"
        ),
        "keywords": ["伺服电机", "伺服驱动", "绝对值编码器", "EtherCAT"],
        "specifications": [
            ["功率范围", "0.4 ~ 15 kW"],
            ["编码器分辨率", "26 位"],
            ["速度环带宽", "≥3 kHz"],
            ["转矩波动", "≤1 %"],
            ["总线", "EtherCAT / Mechatrolink-III"],
        ],
        "scenarios": "用于数控机床进给轴、工业机器人和锂电卷绕设备。",
        "certifications": "CE；UL；ISO 9001",
        "industry": "3813",
        "chain_nodes": ["machine-tools/servo"],
        "status": "published",
    },
    {
        "org": "xa-qinzeng",
        "title": "QZ-M800四激光金属3D打印设备",
        "summary": "成形尺寸800×800×600mm，四台500W光纤激光器同时工作，适用于钛合金、高温合金。",
        "description": (
            "设备采用四台500W光纤激光器和四振镜分区拼接扫描，拼接区错位≤50μm。"
            "成形尺寸800mm×800mm×600mm，成形效率可达120cm³/h。"
            "采用多向层流保护气和在线熔池监测，成形件致密度≥99.9%。"
            "可打印TC4钛合金、GH4169高温合金、AlSi10Mg和316L等材料。"
        ),
        "keywords": ["增材制造", "SLM", "金属3D打印", "多激光"],
        "specifications": [
            ["成形尺寸", "800 × 800 × 600 mm"],
            ["激光器", "4 × 500 W 光纤激光"],
            ["成形效率", "≤120 cm³/h"],
            ["致密度", "≥99.9 %"],
            ["层厚", "20 ~ 100 μm"],
        ],
        "scenarios": "用于航空发动机燃油喷嘴、火箭发动机推力室和复杂流道模具镶件制造。",
        "certifications": "ISO 9001；AS9100D；CE",
        "industry": "3493",
        "chain_nodes": ["machine-tools/am", "machine-tools/aerospace"],
        "status": "published",
    },
    {
        "org": "sy-jingmo",
        "title": "YK7232数控成形砂轮磨齿机",
        "summary": "面向新能源减速器齿轮的高效成形磨齿机，齿轮精度达GB/T 10095 4级，单齿磨削时间≤3s。",
        "description": (
            "机床采用立式布局和直驱工件主轴，砂轮主轴最高转速8000rpm，配置金刚石滚轮在机修整。"
            "支持齿向修形、齿廓修形和扭曲补偿，可满足新能源减速器齿轮低噪声要求。"
            "加工齿轮精度达GB/T 10095 4级，齿面粗糙度Ra≤0.4μm，单齿磨削时间≤3s。"
            "配置在机齿轮测量功能，可实现磨后闭环修正。"
        ),
        "keywords": ["磨齿机", "齿轮加工", "新能源减速器", "修形"],
        "specifications": [
            ["最大工件直径", "320 mm"],
            ["模数范围", "1 ~ 8 mm"],
            ["齿轮精度", "GB/T 10095 4级"],
            ["齿面粗糙度", "Ra ≤0.4 μm"],
        ],
        "scenarios": "用于新能源汽车减速器齿轮、机器人RV减速器齿轮和精密齿轮泵齿轮磨削。",
        "certifications": "ISO 9001；CE",
        "industry": "3421",
        "chain_nodes": ["machine-tools/grinding", "nev/reducer"],
        "status": "published",
    },
    {
        "org": "jn-fengquan",
        "title": "30kW超高功率光纤激光切割机",
        "summary": "30kW光纤激光切割机，碳钢切割厚度达80mm，20mm碳钢切割速度较12kW提升约2倍。",
        "description": (
            "整机采用龙门双驱和铸铝横梁，最大加速度1.5G，配置自动调焦切割头和交换工作台。"
            "20mm碳钢空气切割速度可达6m/min，碳钢最大切割厚度80mm。"
            "配备智能穿孔和断面质量视觉检测功能，切割断面粗糙度Ra≤12.5μm。"
            "适用于工程机械结构件和电池托盘的大批量下料。"
        ),
        "keywords": ["激光切割", "光纤激光", "钣金加工", "超高功率"],
        "specifications": [
            ["激光功率", "30 kW"],
            ["工作台尺寸", "12500 × 2500 mm"],
            ["最大加速度", "1.5 G"],
            ["碳钢最大切割厚度", "80 mm"],
            ["定位精度", "±0.03 mm/m"],
        ],
        "scenarios": "用于工程机械、钢结构、船舶和新能源电池托盘的板材下料。",
        "certifications": "CE；FDA；ISO 9001",
        "industry": "3424",
        "chain_nodes": ["machine-tools/laser", "nev/pack"],
        "status": "published",
    },
    {
        "org": "sy-beichen",
        "title": "BC-5AX650五轴立式加工中心",
        "summary": "摇篮式五轴加工中心，定位精度0.006mm，可选国产数控系统与国产功能部件配置。",
        "description": (
            "机床采用高刚性龙门框架结构和摇篮式A/C双轴直驱转台，工作台直径650mm。"
            "X/Y/Z三轴定位精度0.006mm、重复定位精度0.004mm，A/C轴定位精度8″/6″。"
            "标配20000rpm电主轴，可选国产五轴数控系统、滚珠丝杠和直线导轨的全国产化配置。"
            "通过S形试件检测，适用于叶轮、机匣和精密模具的五轴加工。"
        ),
        "keywords": ["五轴加工中心", "摇篮转台", "国产化配置", "航空零件"],
        "specifications": [
            ["工作台直径", "Φ650 mm"],
            ["行程 X/Y/Z", "650 / 750 / 550 mm"],
            ["定位精度", "0.006 mm"],
            ["主轴最高转速", "20000 rpm"],
            ["A/C轴定位精度", "8″ / 6″"],
        ],
        "scenarios": "用于航空发动机叶轮、机匣、医疗器械和精密模具的五轴联动加工。",
        "certifications": "ISO 9001；CE",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/aerospace"],
        "status": "published",
    },
    {
        "org": "jn-luwo",
        "title": "LW-S2000多连杆伺服压力机",
        "summary": "2000吨多连杆伺服压力机，滑块行程曲线可编程，高强钢冲压成形回弹降低30%。",
        "description": (
            "压力机由大扭矩伺服电机直驱多连杆机构，滑块运动曲线可按工艺需求编程设定。"
            "公称力20000kN，滑块最高行程次数25次/分钟，下死点重复精度±0.02mm。"
            "采用下死点保压和柔性回程曲线，热成形及冷冲高强钢零件回弹降低约30%。"
            "配置能量回馈系统，较同规格机械压力机节能约35%。"
        ),
        "keywords": ["伺服压力机", "冲压成形", "高强钢", "节能"],
        "specifications": [
            ["公称力", "20000 kN"],
            ["行程次数", "≤25 次/min"],
            ["下死点重复精度", "±0.02 mm"],
            ["工作台尺寸", "4600 × 2400 mm"],
        ],
        "scenarios": "用于汽车车身覆盖件、高强钢结构件和新能源电池壳体的冲压成形。",
        "certifications": "CE；ISO 9001",
        "industry": "3422",
        "chain_nodes": ["machine-tools/press", "machine-tools/auto-parts"],
        "status": "published",
    },
    {
        "org": "cs-xiangrui",
        "title": "钛合金加工专用整体硬质合金立铣刀",
        "summary": "不等齿距、变螺旋角设计配合AlTiSiN纳米涂层，钛合金侧铣寿命较通用刀具提升80%。",
        "description": (
            "刀具基体采用0.4μm超细晶粒硬质合金，刃口经钝化处理，刃口钝圆半径15~25μm。"
            "采用不等齿距和变螺旋角设计抑制颤振，涂层为AlTiSiN纳米多层结构，耐热温度1100℃。"
            "在TC4钛合金侧铣（ap=1D，ae=0.1D）条件下，切削速度可达120m/min，寿命较通用刀具提升约80%。"
        ),
        "keywords": ["立铣刀", "钛合金", "硬质合金", "PVD涂层"],
        "specifications": [
            ["直径范围", "Φ6 ~ Φ25 mm"],
            ["涂层", "AlTiSiN 纳米多层"],
            ["基体晶粒度", "0.4 μm"],
            ["推荐切削速度", "80 ~ 120 m/min（TC4）"],
        ],
        "scenarios": "用于航空钛合金结构件、发动机机匣和医疗植入物的铣削加工。",
        "certifications": "ISO 9001；AS9100D",
        "industry": "3321",
        "chain_nodes": ["machine-tools/cutting-tool", "machine-tools/aerospace"],
        "status": "published",
    },
    {
        "org": "dl-binhai",
        "title": "机床主轴用P2级高速角接触球轴承",
        "summary": "陶瓷球混合轴承，P2级精度，dmN值达230万，用于高速电主轴和精密磨床主轴。",
        "description": (
            "轴承采用高纯净度轴承钢套圈和Si3N4陶瓷球，保持架为PEEK材质。"
            "精度等级P2，内圈径向跳动≤1.5μm，油气润滑下dmN值可达230万。"
            "经寿命试验，额定工况下L10寿命达到同类进口轴承水平。"
            "已配套国产电主轴和精密磨床批量使用。"
        ),
        "keywords": ["主轴轴承", "角接触球轴承", "陶瓷球", "P2级"],
        "specifications": [
            ["精度等级", "P2"],
            ["接触角", "15° / 25°"],
            ["dmN值", "≤2.3 × 10⁶"],
            ["内径范围", "30 ~ 120 mm"],
        ],
        "scenarios": "用于高速电主轴、精密磨床主轴和雕铣机主轴。",
        "certifications": "ISO 9001；IATF 16949",
        "industry": "3451",
        "chain_nodes": ["machine-tools/bearing", "machine-tools/spindle"],
        "status": "published",
    },
]

# ---------------------------------------------------------------------------
# Transferable research results (科技成果)
# ---------------------------------------------------------------------------

RESULTS = [
    # ----- 江南理工大学 -----
    {
        "org": "jiangnan-tech",
        "title": "碳化硅功率模块低温纳米银烧结互连技术",
        "summary": "250℃无压烧结纳米银焊膏及工艺，烧结层剪切强度≥45MPa，可替代高铅焊料用于SiC模块。",
        "description": (
            "成果通过有机包覆层调控制备粒径30~50nm的银颗粒，配制成可在250℃、无外加压力条件下烧结的纳米银焊膏。"
            "烧结层剪切强度≥45MPa，热导率≥200W/m·K，孔隙率≤8%。"
            "配套开发了大面积基板-散热器烧结的加压工艺窗口，解决了大面积烧结层分层问题。"
            "采用该技术封装的SiC半桥模块在ΔTj=100K功率循环中寿命超过6万次，已在合作企业完成中试验证。"
        ),
        "keywords": ["纳米银烧结", "碳化硅模块", "功率封装", "高温互连"],
        "field": "电子信息-集成电路",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202010487652.3", "invention"],
            ["ZL202110923417.6", "invention"],
            ["ZL202221568034.2", "utility"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "1500000.00",
        "team": "团队负责人为功率电子封装方向教授、博士生导师，团队共12人，其中高级职称5人。",
        "industry": "3972",
        "chain_nodes": ["ic/adv-packaging", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "jiangnan-tech",
        "title": "先进封装翘曲预测与工艺参数优化软件",
        "summary": "基于有限元与代理模型的封装翘曲快速预测软件，预测误差≤10%，计算时间缩短至分钟级。",
        "description": (
            "软件建立了考虑环氧塑封料固化收缩和黏弹性的有限元模型，并以数千组仿真样本训练高斯过程代理模型。"
            "对扇出型封装和大尺寸FCBGA的翘曲预测误差≤10%，单次预测时间由数小时缩短到2分钟以内。"
            "内置多目标优化模块，可推荐塑封料、载板厚度和工艺温度曲线组合。"
            "已在两家封测企业试用，帮助一款FCBGA产品将室温翘曲由180μm降至95μm。"
        ),
        "keywords": ["封装翘曲", "有限元仿真", "代理模型", "工艺优化"],
        "field": "电子信息-集成电路",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202210356781.9", "invention"],
            ["2023SR0418276", "software"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "300000.00",
        "team": "由微电子封装可靠性方向副教授牵头，团队8人，长期与封测企业开展联合研发。",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging"],
        "status": "published",
    },
    {
        "org": "jiangnan-tech",
        "title": "车规功率器件在线结温估计方法",
        "summary": "利用导通压降与门极驱动特征在线估计IGBT/SiC结温，估计误差≤±3℃，无需额外传感器。",
        "description": (
            "方法以器件导通压降和门极米勒平台持续时间作为温敏电参数，建立与结温的多参数映射模型。"
            "在逆变器正常运行中由驱动芯片同步采样，无需在模块内部增加温度传感器。"
            "实验室条件下-40℃至175℃范围内结温估计误差≤±3℃，响应时间小于1ms。"
            "可用于电控过温保护和功率模块寿命预测。"
        ),
        "keywords": ["结温估计", "功率器件", "寿命预测", "电机控制器"],
        "field": "新能源-电驱动",
        "trl": 4,
        "maturity": "lab",
        "patents": [["ZL202310248816.5", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "电力电子方向教授牵头，团队6人。",
        "industry": "3670",
        "chain_nodes": ["nev/inverter", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "jiangnan-tech",
        "title": "低温铜-铜混合键合工艺",
        "summary": "200℃以下实现晶圆级铜-铜与介质混合键合，键合界面电阻率接近体铜。",
        "description": (
            "成果通过纳米孪晶铜电镀和等离子体表面活化，实现200℃以下的铜-铜与二氧化硅混合键合。"
            "在10μm节距测试结构中，键合后接触电阻约12mΩ，界面未见明显空洞。"
            "目前处于原理验证阶段，正在开展12英寸晶圆级工艺的可行性研究。"
        ),
        "keywords": ["混合键合", "三维集成", "纳米孪晶铜"],
        "field": "电子信息-集成电路",
        "trl": 3,
        "maturity": "research",
        "patents": [["ZL202410107325.1", "invention"]],
        "transfer_modes": ["codevelop"],
        "price": None,
        "team": "集成电路学院青年教授团队，成员5人。",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging"],
        "status": "draft",
    },
    # ----- 楚天科技大学 -----
    {
        "org": "chutian-sci",
        "title": "光纤激光切割头自适应调焦与穿孔状态检测技术",
        "summary": "通过同轴光电信号实时识别穿孔完成和切割失稳，厚板穿孔时间缩短30%。",
        "description": (
            "成果在切割头内集成同轴光电二极管阵列，实时采集熔池辐射和反射光信号。"
            "基于信号特征识别穿孔完成时刻和挂渣、割不透等失稳状态，识别准确率≥96%。"
            "结合电容调高和电动调焦实现焦点自适应，20mm以上厚板平均穿孔时间缩短约30%。"
            "已在两家激光装备企业装机试用。"
        ),
        "keywords": ["激光切割", "穿孔检测", "自适应调焦", "过程监测"],
        "field": "先进制造-激光加工",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202110672345.8", "invention"],
            ["ZL202220981276.3", "utility"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "600000.00",
        "team": "激光加工技术研究所教授牵头，团队10人，其中博士后2人。",
        "industry": "3424",
        "chain_nodes": ["machine-tools/laser"],
        "status": "published",
    },
    {
        "org": "chutian-sci",
        "title": "五轴机床几何误差快速辨识与补偿方法",
        "summary": "基于球杆仪与在机测头的五轴几何误差辨识方法，30分钟完成41项误差辨识。",
        "description": (
            "方法建立了五轴机床41项几何误差的旋量模型，设计了球杆仪和在机测头组合测量路径。"
            "约30分钟即可完成旋转轴位置相关与无关误差辨识，较激光跟踪仪方法效率提升5倍以上。"
            "补偿后S形试件轮廓误差降低约60%。"
            "已在3台国产五轴加工中心上完成验证。"
        ),
        "keywords": ["五轴机床", "几何误差", "误差补偿", "球杆仪"],
        "field": "先进制造-数控装备",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL201910845632.7", "invention"],
            ["ZL202011236548.X", "invention"],
            ["2021SR1265403", "software"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "400000.00",
        "team": "数控装备方向教授牵头，团队9人，依托数控装备国家工程研究中心分中心。",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/measuring"],
        "status": "published",
    },
    {
        "org": "chutian-sci",
        "title": "车载FMCW激光雷达硅光收发芯片",
        "summary": "集成光学相控阵与相干接收的硅光芯片，可同时测距测速，速度分辨率0.1m/s。",
        "description": (
            "芯片在SOI平台上集成1550nm调频连续波光源耦合、128通道光学相控阵和平衡探测器。"
            "实验室测试水平扫描角±20°，测距分辨率2cm，径向速度分辨率0.1m/s。"
            "相干探测具有较强的抗阳光和抗多雷达串扰能力。"
            "目前已完成第二轮流片，正在开展封装耦合和温漂补偿研究。"
        ),
        "keywords": ["FMCW", "硅光芯片", "光学相控阵", "激光雷达"],
        "field": "电子信息-光电子",
        "trl": 4,
        "maturity": "lab",
        "patents": [
            ["ZL202210579034.6", "invention"],
            ["ZL202310064518.2", "invention"],
        ],
        "transfer_modes": ["codevelop", "equity"],
        "price": None,
        "team": "光电信息学院教授牵头，团队14人，与光电子器件企业合作开展流片。",
        "industry": "3976",
        "chain_nodes": ["nev/lidar"],
        "status": "published",
    },
    {
        "org": "chutian-sci",
        "title": "超快激光玻璃通孔加工技术",
        "summary": "皮秒激光改性加湿法刻蚀制作玻璃通孔，孔径10~80μm，深径比可达10:1。",
        "description": (
            "利用皮秒贝塞尔光束在玻璃内部形成线状改性区，再经氢氟酸选择性刻蚀形成通孔。"
            "孔径10μm至80μm，深径比最高10:1，孔壁粗糙度Ra≤0.5μm，无微裂纹。"
            "加工速度可达每秒3000孔，适用于500mm×500mm玻璃基板。"
            "可为玻璃基板封装和射频器件提供通孔制备方案。"
        ),
        "keywords": ["玻璃通孔", "TGV", "超快激光", "玻璃基板"],
        "field": "电子信息-集成电路",
        "trl": 5,
        "maturity": "pilot",
        "patents": [["ZL202211045629.3", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": "800000.00",
        "team": "激光微纳加工团队，负责人为教授，团队7人。",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging"],
        "status": "published",
    },
    # ----- 秦川工业大学 -----
    {
        "org": "qinchuan-ind",
        "title": "钛合金薄壁件铣削颤振在线抑制技术",
        "summary": "基于主轴振动监测与转速自适应调整的颤振抑制技术，薄壁件表面振纹基本消除。",
        "description": (
            "成果在主轴端安装加速度传感器，实时识别颤振频率，并通过数控系统调整主轴转速避开不稳定区域。"
            "配合变齿距刀具选型和刀具路径优化，TC4薄壁件（壁厚1.5mm）铣削表面粗糙度由Ra3.2μm降至Ra0.8μm。"
            "材料去除率提升约40%。"
            "已在航空结构件制造企业的两条产线使用。"
        ),
        "keywords": ["颤振抑制", "钛合金", "薄壁件", "航空结构件"],
        "field": "先进制造-精密加工",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202010763218.4", "invention"],
            ["2022SR0756314", "software"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "500000.00",
        "team": "机械工程学院教授牵头，团队11人，承担过国家重点研发计划项目。",
        "industry": "3744",
        "chain_nodes": ["machine-tools/aerospace", "machine-tools/five-axis"],
        "status": "published",
    },
    {
        "org": "qinchuan-ind",
        "title": "激光选区熔化镍基高温合金裂纹控制工艺",
        "summary": "通过成分微调与扫描策略优化，使难焊高温合金SLM成形件裂纹密度降低95%以上。",
        "description": (
            "针对IN738LC等高γ'相含量高温合金在SLM成形中的凝固裂纹问题，调控粉末中Zr、B含量并优化分区扫描策略。"
            "成形件裂纹密度由1.2mm/mm²降至0.05mm/mm²以下，致密度≥99.95%。"
            "经热等静压和固溶时效后，室温抗拉强度≥1150MPa。"
            "已制备航空发动机导向叶片试验件。"
        ),
        "keywords": ["增材制造", "高温合金", "裂纹控制", "SLM"],
        "field": "先进制造-增材制造",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202110328745.2", "invention"],
            ["ZL202210817563.9", "invention"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "1000000.00",
        "team": "凝固技术重点实验室教授团队，成员15人。",
        "industry": "3493",
        "chain_nodes": ["machine-tools/am", "machine-tools/aerospace"],
        "status": "published",
    },
    {
        "org": "qinchuan-ind",
        "title": "碳化硅单晶衬底高效化学机械抛光技术",
        "summary": "光催化辅助CMP抛光SiC衬底，材料去除率达2μm/h，表面粗糙度Ra≤0.1nm。",
        "description": (
            "成果采用紫外光催化辅助化学机械抛光，在抛光液中引入TiO2光催化剂加速SiC表面氧化。"
            "Si面材料去除率由常规CMP的0.3μm/h提高至2μm/h，表面粗糙度Ra≤0.1nm，无划伤。"
            "已完成6英寸衬底的中试验证，抛光液成本较进口产品降低约50%。"
        ),
        "keywords": ["碳化硅衬底", "化学机械抛光", "光催化", "超精密加工"],
        "field": "电子信息-集成电路",
        "trl": 5,
        "maturity": "pilot",
        "patents": [
            ["ZL202011457382.6", "invention"],
            ["ZL202121873645.1", "utility"],
        ],
        "transfer_modes": ["license", "codevelop", "equity"],
        "price": None,
        "team": "精密超精密加工方向教授牵头，团队9人。",
        "industry": "3985",
        "chain_nodes": ["ic/wafer", "ic/cmp"],
        "status": "published",
    },
    # ----- 岭南科技大学 -----
    {
        "org": "lingnan-sci",
        "title": "高首效预锂化硅氧负极材料制备技术",
        "summary": "固相预锂化与碳包覆结合，使硅氧负极首次库伦效率由75%提升至89%。",
        "description": (
            "成果采用氢化锂固相预锂化工艺，在SiOx内部原位生成硅酸锂相，减少首次充电不可逆锂消耗。"
            "预锂化后材料首次库伦效率由约75%提升至89%，可逆容量1450mAh/g。"
            "通过双层碳包覆改善浆料稳定性，水系浆料48小时无明显产气。"
            "已建成百公斤级中试线。"
        ),
        "keywords": ["硅氧负极", "预锂化", "首次效率", "负极材料"],
        "field": "新能源-动力电池",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202110457623.5", "invention"],
            ["ZL202210238476.1", "invention"],
        ],
        "transfer_modes": ["transfer", "license"],
        "price": "2000000.00",
        "team": "新能源材料学院教授牵头，团队13人，其中博士6人。",
        "industry": "3091",
        "chain_nodes": ["nev/anode"],
        "status": "published",
    },
    {
        "org": "lingnan-sci",
        "title": "超低静态电流电源管理IP核",
        "summary": "静态电流仅300nA的LDO与降压转换器IP，已在55nm工艺流片验证。",
        "description": (
            "IP包括纳安级基准源、低压差线性稳压器和自适应导通时间降压转换器。"
            "整体静态电流300nA，降压转换器在10μA负载下效率≥85%。"
            "已在55nm和0.18μm工艺完成流片和测试，提供GDS、模型和验证报告。"
            "适合集成到可穿戴、物联网和能量收集类SoC中。"
        ),
        "keywords": ["IP核", "电源管理", "低功耗", "物联网芯片"],
        "field": "电子信息-集成电路",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202110934852.7", "invention"],
            ["2022SR1537249", "software"],
        ],
        "transfer_modes": ["license"],
        "price": "350000.00",
        "team": "微电子学院副教授牵头，团队6人。",
        "industry": "6520",
        "chain_nodes": ["ic/ip-core", "ic/analog"],
        "status": "published",
    },
    {
        "org": "lingnan-sci",
        "title": "锂金属电池三维多孔铜集流体",
        "summary": "去合金化制备的三维多孔铜集流体，可抑制锂枝晶，对称电池稳定循环1000小时。",
        "description": (
            "通过铜锌合金选择性去合金化制备孔径0.5~2μm的三维多孔铜集流体，并在表面构建亲锂氧化锌层。"
            "在1mA/cm²、1mAh/cm²条件下锂对称电池稳定循环1000小时，极化电压低于20mV。"
            "目前处于实验室原理验证阶段。"
        ),
        "keywords": ["锂金属负极", "集流体", "锂枝晶"],
        "field": "新能源-动力电池",
        "trl": 3,
        "maturity": "research",
        "patents": [["ZL202310582746.4", "invention"]],
        "transfer_modes": ["codevelop"],
        "price": None,
        "team": "材料学院青年教师团队，成员4人。",
        "industry": "3841",
        "chain_nodes": ["nev/cell"],
        "status": "published",
    },
    # ----- 京华理工大学 -----
    {
        "org": "jinghua-tech",
        "title": "基于电化学阻抗谱的电芯内部温度在线估计技术",
        "summary": "利用BMS注入激励测量特定频点阻抗估计电芯内部温度，误差≤2℃，可提前识别热失控征兆。",
        "description": (
            "成果通过BMS均衡电路注入小幅正弦激励，在线测量电芯特定频点阻抗相位。"
            "建立阻抗相位-内部温度-SOC映射模型，电芯内部温度估计误差≤2℃，较表面温度测量提前约90秒反映内部温升。"
            "算法计算量小，可在车规MCU上运行。"
            "已在储能电池簇和电动客车电池包上完成装车试验。"
        ),
        "keywords": ["电化学阻抗谱", "内部温度", "BMS", "热失控预警"],
        "field": "新能源-动力电池",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202010546378.X", "invention"],
            ["ZL202111203467.8", "invention"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "900000.00",
        "team": "车辆工程学院教授牵头，团队12人，依托电动车辆国家工程研究中心协同实验室。",
        "industry": "3670",
        "chain_nodes": ["nev/bms"],
        "status": "published",
    },
    {
        "org": "jinghua-tech",
        "title": "分布式驱动电动汽车转矩矢量控制技术",
        "summary": "四轮独立驱动转矩矢量分配算法，低附路面稳定性提升，双移线极限车速提高约8%。",
        "description": (
            "成果基于模型预测控制实现四轮驱动力矩的实时优化分配，兼顾横摆稳定性和能耗。"
            "在对开路面和低附路面试验中，横摆角速度跟踪误差降低35%，双移线试验极限车速提高约8%。"
            "已在样车上完成冬季试验。"
        ),
        "keywords": ["转矩矢量", "分布式驱动", "底盘控制", "模型预测控制"],
        "field": "新能源-整车控制",
        "trl": 5,
        "maturity": "pilot",
        "patents": [["ZL202110782354.1", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "车辆动力学与控制团队，教授牵头，成员9人。",
        "industry": "3612",
        "chain_nodes": ["nev/brake-by-wire", "nev/passenger"],
        "status": "published",
    },
    {
        "org": "jinghua-tech",
        "title": "基于强化学习的模拟电路版图自动布局方法",
        "summary": "面向模拟电路的版图自动布局工具原型，布局时间由数天缩短至数小时。",
        "description": (
            "方法将器件匹配、对称和寄生约束编码为图神经网络特征，利用强化学习搜索满足约束的布局方案。"
            "在运放、带隙基准等8类电路测试中，后仿性能达到人工布局的95%以上，布局时间由2~3天缩短至4小时。"
            "目前为实验室原型，支持180nm和55nm工艺。"
        ),
        "keywords": ["EDA", "模拟版图", "强化学习", "自动布局"],
        "field": "电子信息-集成电路",
        "trl": 4,
        "maturity": "lab",
        "patents": [
            ["ZL202310416925.7", "invention"],
            ["2024SR0287531", "software"],
        ],
        "transfer_modes": ["codevelop", "equity"],
        "price": None,
        "team": "集成电路EDA创新中心副教授牵头，团队7人。",
        "industry": "6512",
        "chain_nodes": ["ic/eda-tools"],
        "status": "pending_review",
    },
    # ----- 华东精密制造研究院 -----
    {
        "org": "ecpmi",
        "title": "数控机床热误差建模与实时补偿系统",
        "summary": "多测点温度数据驱动的热误差补偿系统，主轴轴向热漂移由25μm降至5μm以内。",
        "description": (
            "系统通过模糊聚类优选温度敏感测点，建立基于长短期记忆网络的热误差预测模型。"
            "通过数控系统外部坐标原点偏移接口实时补偿，主轴Z向热漂移由约25μm降至5μm以内。"
            "支持国产和进口主流数控系统，单台改造周期2天。"
            "已在400余台加工中心上应用。"
        ),
        "keywords": ["热误差补偿", "机床精度", "数控系统", "数据驱动"],
        "field": "先进制造-数控装备",
        "trl": 8,
        "maturity": "mass",
        "patents": [
            ["ZL201810934276.5", "invention"],
            ["ZL201921573428.2", "utility"],
            ["2020SR0943167", "software"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "250000.00",
        "team": "机床可靠性研究所研究员牵头，团队16人。",
        "industry": "4011",
        "chain_nodes": ["machine-tools/cnc-controller", "machine-tools/five-axis"],
        "status": "published",
    },
    {
        "org": "ecpmi",
        "title": "超声振动辅助磨削硬脆材料技术",
        "summary": "轴向超声振动辅助磨削陶瓷和碳化硅，磨削力降低约40%，边缘崩边尺寸小于10μm。",
        "description": (
            "成果开发了集成无线供电的超声振动刀柄，频率20~40kHz、振幅2~8μm可调。"
            "在氧化铝、碳化硅陶瓷和光学玻璃磨削中，磨削力降低约40%，砂轮寿命提高约1倍。"
            "孔加工出口崩边尺寸小于10μm。"
            "刀柄接口兼容HSK-A63和BT40，可直接安装在现有加工中心上。"
        ),
        "keywords": ["超声加工", "硬脆材料", "磨削", "陶瓷加工"],
        "field": "先进制造-精密加工",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202110265743.8", "invention"],
            ["ZL202122345169.0", "utility"],
        ],
        "transfer_modes": ["license", "equity"],
        "price": "700000.00",
        "team": "超精密加工研究所研究员牵头，团队10人。",
        "industry": "3421",
        "chain_nodes": ["machine-tools/edm", "machine-tools/grinding"],
        "status": "published",
    },
    {
        "org": "ecpmi",
        "title": "基于工艺知识图谱的CAM智能编程系统",
        "summary": "自动识别加工特征并推荐刀具与切削参数，典型箱体件数控编程时间缩短60%。",
        "description": (
            "系统构建了包含约3万条工艺规则的知识图谱，涵盖特征、刀具、材料和切削参数之间的关联。"
            "导入三维模型后自动识别孔、槽、型腔等加工特征，生成工序和刀路方案。"
            "在典型箱体类零件上编程时间缩短约60%，刀路合理性经工艺人员审核通过率约85%。"
        ),
        "keywords": ["CAM", "知识图谱", "智能编程", "工业软件"],
        "field": "先进制造-工业软件",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202210674582.3", "invention"],
            ["2023SR0825649", "software"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "智能工艺软件研究中心负责人牵头，团队12人。",
        "industry": "6513",
        "chain_nodes": ["machine-tools/cam-software"],
        "status": "pending_review",
    },
    {
        "org": "ecpmi",
        "title": "滚珠丝杠副精度保持性加速试验方法及装置",
        "summary": "载荷谱加速试验台，两周内评估丝杠副精度衰退趋势，替代数月的自然磨损试验。",
        "description": (
            "装置可模拟机床实际工况的轴向载荷谱、转速和润滑条件，并在线测量预紧力矩和导程误差。"
            "基于磨损机理建立加速因子模型，将数月的精度保持性试验缩短到约两周。"
            "已为多家功能部件企业提供对标测试，检测数据被用于产品改进。"
        ),
        "keywords": ["滚珠丝杠", "精度保持性", "加速试验", "可靠性"],
        "field": "先进制造-数控装备",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202010378465.2", "invention"],
            ["ZL202020762541.7", "utility"],
        ],
        "transfer_modes": ["transfer", "license"],
        "price": "450000.00",
        "team": "功能部件可靠性团队，研究员牵头，成员8人。",
        "industry": "3425",
        "chain_nodes": ["machine-tools/ball-screw"],
        "status": "published",
    },
    # ----- 长三角集成电路先进工艺研究院 -----
    {
        "org": "yrd-icri",
        "title": "1200V沟槽栅碳化硅MOSFET器件工艺",
        "summary": "双沟槽结构SiC MOSFET工艺包，比导通电阻2.4mΩ·cm²，栅氧可靠性满足车规要求。",
        "description": (
            "工艺采用源极沟槽与栅极沟槽双沟槽结构，配合底部P型屏蔽层降低沟槽底部电场。"
            "1200V器件比导通电阻2.4mΩ·cm²，较平面栅降低约25%。"
            "通过NO退火改善栅氧界面，界面态密度≤2E11cm⁻²eV⁻¹，175℃高温栅偏1000小时阈值漂移≤0.15V。"
            "已在研究院6英寸中试线完成多批次流片，可向企业提供工艺包授权和联合开发。"
        ),
        "keywords": ["沟槽栅", "碳化硅MOSFET", "功率器件工艺", "车规"],
        "field": "电子信息-集成电路",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202110235674.9", "invention"],
            ["ZL202210498123.6", "invention"],
            ["ZL202310157289.4", "invention"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "5000000.00",
        "team": "宽禁带器件中心主任（研究员）牵头，团队22人，成员来自国内外功率器件企业。",
        "industry": "3972",
        "chain_nodes": ["ic/power-device", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "yrd-icri",
        "title": "碳化硅高温离子注入与激活退火工艺",
        "summary": "500℃高温铝离子注入和1700℃碳膜保护退火工艺，激活率≥90%，表面粗糙度≤0.5nm。",
        "description": (
            "成果开发了500℃高温铝离子注入工艺以减少晶格损伤，并采用光刻胶碳化形成碳保护膜进行高温激活退火。"
            "铝杂质激活率≥90%，退火后表面粗糙度Ra≤0.5nm，无台阶聚集。"
            "工艺已在6英寸和8英寸碳化硅晶圆上验证。"
        ),
        "keywords": ["离子注入", "激活退火", "碳化硅", "功率器件"],
        "field": "电子信息-集成电路",
        "trl": 5,
        "maturity": "pilot",
        "patents": [["ZL202111047365.2", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "工艺集成部研究员牵头，团队9人。",
        "industry": "3972",
        "chain_nodes": ["ic/power-device"],
        "status": "published",
    },
    {
        "org": "yrd-icri",
        "title": "650V硅基氮化镓功率器件外延与工艺",
        "summary": "8英寸硅基GaN外延及增强型p-GaN栅HEMT工艺，动态导通电阻增幅≤15%。",
        "description": (
            "成果包括8英寸硅衬底上AlGaN/GaN外延结构设计和p-GaN栅增强型HEMT制造工艺。"
            "外延片翘曲≤50μm，650V器件阈值电压1.6V，导通电阻70mΩ。"
            "400V硬开关条件下动态导通电阻增幅≤15%。"
            "已制备出样品并完成JEDEC标准可靠性考核，适用于快充电源和数据中心电源。"
        ),
        "keywords": ["氮化镓", "GaN HEMT", "功率器件", "快充"],
        "field": "电子信息-集成电路",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202010815437.6", "invention"],
            ["ZL202110623849.1", "invention"],
        ],
        "transfer_modes": ["license", "equity", "codevelop"],
        "price": "3000000.00",
        "team": "化合物半导体研究室研究员牵头，团队15人。",
        "industry": "3972",
        "chain_nodes": ["ic/power-device", "ic/consumer"],
        "status": "published",
    },
    {
        "org": "yrd-icri",
        "title": "IGBT场截止层激光退火工艺",
        "summary": "双波长激光退火形成背面场截止层，掺杂激活率≥95%，适用于120μm薄片IGBT。",
        "description": (
            "成果采用绿光与红外双波长激光组合退火，在不损伤正面金属的前提下激活背面磷、硼注入层。"
            "掺杂激活率≥95%，退火深度可调范围0.5~3μm。"
            "已导入合作企业8英寸IGBT产线量产，薄片碎片率降低至0.1%以下。"
        ),
        "keywords": ["IGBT", "激光退火", "场截止", "薄片工艺"],
        "field": "电子信息-集成电路",
        "trl": 8,
        "maturity": "mass",
        "patents": [
            ["ZL201911027648.3", "invention"],
            ["ZL202020412765.5", "utility"],
        ],
        "transfer_modes": ["license"],
        "price": "1200000.00",
        "team": "功率器件工艺团队，高级工程师牵头，成员8人。",
        "industry": "3972",
        "chain_nodes": ["nev/igbt-module", "ic/power-device"],
        "status": "published",
    },
    # ----- 中部新能源汽车技术研究院 -----
    {
        "org": "cnev-ri",
        "title": "动力电池包热失控蔓延阻断技术",
        "summary": "气凝胶-云母复合隔热与定向泄压设计，实现单电芯热失控后5分钟以上不蔓延。",
        "description": (
            "成果采用1.5mm厚二氧化硅气凝胶复合毡作为电芯间隔热层，并在电池包上盖设置云母防护层和定向泄压通道。"
            "隔热层在600℃热面下冷面温度≤150℃，体积压缩20%时导热系数仍≤0.025W/m·K。"
            "在磷酸铁锂和三元电池包热扩散试验中，触发单电芯热失控后相邻电芯未发生热失控。"
            "方案已在3款电池包上量产应用，满足GB 38031热扩散要求。"
        ),
        "keywords": ["热失控", "热蔓延阻断", "气凝胶", "电池安全"],
        "field": "新能源-动力电池",
        "trl": 8,
        "maturity": "mass",
        "patents": [
            ["ZL202010387546.1", "invention"],
            ["ZL202120836457.3", "utility"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "800000.00",
        "team": "动力电池研究所所长（研究员）牵头，团队18人。",
        "industry": "3841",
        "chain_nodes": ["nev/pack"],
        "status": "published",
    },
    {
        "org": "cnev-ri",
        "title": "动力电池快充析锂无损检测方法",
        "summary": "基于弛豫电压微分特征识别析锂，检测准确率≥92%，可指导快充策略优化。",
        "description": (
            "方法分析快充结束后弛豫阶段的电压微分曲线，识别金属锂再嵌入形成的特征平台。"
            "经拆解验证，析锂识别准确率≥92%，可定量估计析锂量。"
            "可在BMS中实现，用于动态调整快充电流上限。"
            "已在合作电池企业的快充电芯开发中应用。"
        ),
        "keywords": ["析锂检测", "快充", "无损检测", "电芯安全"],
        "field": "新能源-动力电池",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202110564938.7", "invention"],
            ["2022SR0627481", "software"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "600000.00",
        "team": "电化学测试团队，副研究员牵头，成员8人。",
        "industry": "3841",
        "chain_nodes": ["nev/cell", "nev/bms"],
        "status": "published",
    },
    {
        "org": "cnev-ri",
        "title": "退役动力电池快速分选与梯次利用评估系统",
        "summary": "基于脉冲测试与聚类算法的退役电池分选系统，单模组检测时间由2小时缩短至3分钟。",
        "description": (
            "系统采用多频脉冲测试获取模组内阻、容量和一致性特征，通过机器学习模型预测剩余容量和剩余寿命。"
            "单模组检测时间约3分钟，容量估计误差≤4%。"
            "分选结果可直接生成梯次利用等级和建议应用场景。"
            "已在回收企业部署两套设备。"
        ),
        "keywords": ["退役电池", "梯次利用", "快速分选", "健康评估"],
        "field": "新能源-动力电池",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202111379526.4", "invention"],
            ["ZL202221046357.8", "utility"],
        ],
        "transfer_modes": ["transfer", "license", "equity"],
        "price": "1200000.00",
        "team": "电池回收利用研究室主任牵头，团队10人。",
        "industry": "4210",
        "chain_nodes": ["nev/recycling"],
        "status": "published",
    },
    {
        "org": "cnev-ri",
        "title": "跨临界CO2热泵系统低温制热控制策略",
        "summary": "排气压力优化与补气控制策略，-20℃下CO2热泵制热量提升约18%。",
        "description": (
            "策略基于实时环境温度和出风温度需求，优化气体冷却器出口压力并控制中间补气量。"
            "-20℃环境温度下制热量提升约18%，COP提升约10%。"
            "已在台架上完成验证，正在进行整车寒区试验。"
        ),
        "keywords": ["CO2热泵", "热管理", "控制策略", "低温制热"],
        "field": "新能源-热管理",
        "trl": 5,
        "maturity": "pilot",
        "patents": [["ZL202210935617.2", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "整车热管理团队，高级工程师牵头，成员7人。",
        "industry": "3670",
        "chain_nodes": ["nev/thermal"],
        "status": "published",
    },
    # ----- 东北数控装备研究院 -----
    {
        "org": "ne-cnc-ri",
        "title": "机床床身树脂矿物铸件成型技术",
        "summary": "环氧树脂矿物复合材料床身，阻尼性能为铸铁的6~8倍，成型周期短、无需时效处理。",
        "description": (
            "成果通过多级配花岗岩骨料和改性环氧树脂体系，实现常温浇注固化成型。"
            "材料阻尼比为灰铸铁的6~8倍，热导率低、热惯性大，有利于提升机床动态和热稳定性。"
            "床身无需人工时效，成型周期由铸铁件的2个月缩短至1周。"
            "已为磨床和精密加工中心批量提供床身。"
        ),
        "keywords": ["树脂矿物铸件", "机床床身", "阻尼", "基础件"],
        "field": "先进制造-数控装备",
        "trl": 8,
        "maturity": "mass",
        "patents": [
            ["ZL201810462379.6", "invention"],
            ["ZL201920873641.5", "utility"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "600000.00",
        "team": "基础件研究所高级工程师牵头，团队9人。",
        "industry": "3391",
        "chain_nodes": ["machine-tools/castings"],
        "status": "published",
    },
    {
        "org": "ne-cnc-ri",
        "title": "数控机床可靠性加速试验与故障诊断技术",
        "summary": "整机加速试验规范与故障诊断模型，可在400小时内暴露85%以上早期故障。",
        "description": (
            "成果建立了覆盖数控系统、主轴、进给和刀库的可靠性加速试验规范和载荷谱。"
            "整机加速试验可在400小时内暴露85%以上的早期故障。"
            "配套故障诊断系统基于多源信号融合识别主轴、丝杠和刀库典型故障，准确率≥90%。"
            "已协助多家整机企业将平均无故障时间提升至2000小时以上。"
        ),
        "keywords": ["机床可靠性", "加速试验", "故障诊断", "MTBF"],
        "field": "先进制造-数控装备",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202010927845.3", "invention"],
            ["2021SR0487523", "software"],
        ],
        "transfer_modes": ["license", "codevelop"],
        "price": "800000.00",
        "team": "可靠性工程中心研究员牵头，团队14人，承担国家科技重大专项课题。",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/turning"],
        "status": "published",
    },
    {
        "org": "ne-cnc-ri",
        "title": "大型龙门机床横梁重力变形补偿技术",
        "summary": "有限元与实测结合的横梁挠度补偿模型，6m跨距龙门机床直线度误差降低70%。",
        "description": (
            "成果建立了主轴箱位置、滑枕伸出量与横梁挠度之间的补偿模型，通过数控系统交叉补偿功能实时修正。"
            "在6m跨距龙门加工中心上，Y向移动时Z向直线度误差由0.045mm降至0.013mm。"
            "已在两台样机上完成验证。"
        ),
        "keywords": ["龙门机床", "重力变形", "误差补偿", "大型机床"],
        "field": "先进制造-数控装备",
        "trl": 6,
        "maturity": "pilot",
        "patents": [["ZL202111482736.5", "invention"]],
        "transfer_modes": ["license", "codevelop"],
        "price": None,
        "team": "整机设计研究所研究员牵头，团队8人。",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis"],
        "status": "published",
    },
    {
        "org": "ne-cnc-ri",
        "title": "直驱转台力矩电机齿槽转矩抑制方法",
        "summary": "通过分数槽设计与电流谐波注入，力矩电机齿槽转矩降低至额定转矩的0.3%以下。",
        "description": (
            "方法结合分数槽极配合和磁极偏移设计，并在驱动器中注入补偿电流谐波抑制残余齿槽转矩。"
            "实验样机齿槽转矩由额定转矩的1.5%降至0.3%以下，低速速度波动降低约70%。"
            "目前完成实验室样机验证。"
        ),
        "keywords": ["力矩电机", "齿槽转矩", "直驱转台"],
        "field": "先进制造-数控装备",
        "trl": 4,
        "maturity": "lab",
        "patents": [["ZL202310697432.6", "invention"]],
        "transfer_modes": ["codevelop", "license"],
        "price": None,
        "team": "驱动与控制研究室副研究员牵头，团队5人。",
        "industry": "3425",
        "chain_nodes": ["machine-tools/turret", "machine-tools/servo"],
        "status": "published",
    },
    # ----- 齐鲁先进材料研究院 -----
    {
        "org": "qilu-amri",
        "title": "单晶高镍三元正极表面快离子导体包覆技术",
        "summary": "在Ni≥90%单晶正极表面原位构建磷酸锂钛包覆层，4.4V循环1000次容量保持率提升至88%。",
        "description": (
            "成果采用湿法浸渍结合低温烧结，在单晶高镍正极颗粒表面原位生成2~5nm厚的快离子导体包覆层。"
            "包覆层抑制了电解液副反应和表面岩盐相转变，45℃下4.4V循环1000次容量保持率由75%提升至88%。"
            "材料表面残碱降低约40%。"
            "已完成百公斤级中试。"
        ),
        "keywords": ["高镍正极", "单晶", "表面包覆", "循环寿命"],
        "field": "新能源-动力电池",
        "trl": 6,
        "maturity": "pilot",
        "patents": [
            ["ZL202110874563.2", "invention"],
            ["ZL202210357814.9", "invention"],
        ],
        "transfer_modes": ["license", "transfer"],
        "price": "1800000.00",
        "team": "电池材料研究中心研究员牵头，团队11人。",
        "industry": "3985",
        "chain_nodes": ["nev/cathode"],
        "status": "published",
    },
    {
        "org": "qilu-amri",
        "title": "一体化压铸用铝合金晶粒细化剂",
        "summary": "Al-Ti-C-B中间合金细化剂，晶粒尺寸细化至120μm以下，免热处理合金延伸率提高约30%。",
        "description": (
            "成果通过熔体反应合成调控TiC与TiB2粒子比例和尺寸，制备Al-Ti-C-B中间合金细化剂。"
            "添加0.2%即可将免热处理压铸铝合金晶粒细化至120μm以下，对Si中毒不敏感。"
            "压铸件延伸率提高约30%，性能一致性明显改善。"
            "已完成吨级样品制备并在压铸企业试用。"
        ),
        "keywords": ["晶粒细化剂", "压铸铝合金", "一体化压铸", "轻量化"],
        "field": "新材料-金属材料",
        "trl": 7,
        "maturity": "sample",
        "patents": [
            ["ZL202010653478.1", "invention"],
            ["ZL202111296354.8", "invention"],
        ],
        "transfer_modes": ["transfer", "license", "equity"],
        "price": "1000000.00",
        "team": "轻合金研究所研究员牵头，团队9人。",
        "industry": "3240",
        "chain_nodes": ["nev/die-casting"],
        "status": "published",
    },
    {
        "org": "qilu-amri",
        "title": "硬质合金刀具AlCrSiN纳米复合涂层",
        "summary": "高功率脉冲磁控溅射制备的AlCrSiN涂层，硬度≥38GPa，淬硬钢铣削寿命提升1.5倍。",
        "description": (
            "成果采用高功率脉冲磁控溅射（HiPIMS）技术制备纳米晶包裹非晶结构的AlCrSiN涂层。"
            "涂层硬度≥38GPa，抗氧化温度达1150℃，结合力达HF1级。"
            "在HRC55淬硬钢铣削中，刀具寿命较常规AlTiN涂层提升约1.5倍。"
            "已在合作刀具企业的涂层线实现量产。"
        ),
        "keywords": ["刀具涂层", "HiPIMS", "AlCrSiN", "硬质合金"],
        "field": "新材料-涂层材料",
        "trl": 8,
        "maturity": "mass",
        "patents": [
            ["ZL201910573642.8", "invention"],
            ["ZL202020958734.6", "utility"],
        ],
        "transfer_modes": ["license"],
        "price": "500000.00",
        "team": "表面工程研究室研究员牵头，团队8人。",
        "industry": "3321",
        "chain_nodes": ["machine-tools/cutting-tool", "machine-tools/carbide"],
        "status": "published",
    },
]

# ---------------------------------------------------------------------------
# Open resources of lead enterprises and institutes (开放资源)
# ---------------------------------------------------------------------------

RESOURCES = [
    {
        "org": "sh-huazhun",
        "title": "0.18μm BCD工艺多项目晶圆流片服务",
        "summary": "每季度开放两次0.18μm BCD工艺MPW班车，支持5V/40V/100V器件，降低中小设计企业流片成本。",
        "description": (
            "依托8英寸产线0.18μm BCD工艺平台，每年3月、6月、9月、12月各开放一次MPW班车，另在5月和11月增开车规专线。"
            "单个拼片面积最小5mm×5mm，提供PDK、标准单元库和ESD器件库。"
            "专精特新企业可享受掩模费用分摊和首次流片工程支持。"
        ),
        "keywords": ["MPW", "BCD工艺", "流片", "电源管理芯片"],
        "kind": "test_line",
        "conditions": "面向已签署PDK保密协议的芯片设计企业；国家级、省级专精特新企业优先排期，首次流片可申请30%费用减免。",
        "city": "上海市",
        "industry": "3973",
        "chain_nodes": ["ic/logic-fab", "ic/analog"],
        "status": "published",
    },
    {
        "org": "sh-huazhun",
        "title": "晶圆制造国产材料与零部件上线验证计划",
        "summary": "面向光刻胶、电子特气、湿化学品和设备零部件供应商开放产线验证窗口，验证通过后纳入合格供应商名录。",
        "description": (
            "公司每年发布材料与零部件国产化验证清单，涵盖KrF光刻胶、含氟特气、电子级硫酸和静电卡盘等约60个品类。"
            "验证按实验室评估、小批量上线、批量导入三个阶段进行，周期通常为6至12个月。"
            "验证通过的产品将进入合格供应商名录，并获得不少于两年的稳定采购计划。"
        ),
        "keywords": ["供应商准入", "国产化验证", "半导体材料", "零部件"],
        "kind": "supplier",
        "conditions": "申请企业需具备ISO 9001体系认证和稳定量产能力，提供近三个批次的检测数据；需签署保密协议。",
        "city": "上海市",
        "industry": "3973",
        "chain_nodes": ["ic/photoresist", "ic/specialty-gas", "ic/wet-chem", "ic/parts"],
        "status": "published",
    },
    {
        "org": "wx-chengxin",
        "title": "车规芯片可靠性与失效分析实验室",
        "summary": "开放AEC-Q100/Q101和AQG 324全项可靠性试验及失效分析能力，具备CNAS认可资质。",
        "description": (
            "实验室面积2600平方米，配置温度循环、高温反偏、高压蒸煮、功率循环和HAST等试验设备120余台。"
            "失效分析能力包括X射线、超声扫描、FIB切割和SEM/EDS分析。"
            "可为芯片企业出具车规认证所需的完整可靠性报告。"
        ),
        "keywords": ["车规认证", "可靠性试验", "失效分析", "AEC-Q100"],
        "kind": "lab",
        "conditions": "面向集成电路设计、功率器件和模块企业开放；专精特新中小企业按检测费用八折结算，需提前四周预约机时。",
        "city": "无锡市",
        "industry": "3973",
        "chain_nodes": ["ic/test", "ic/auto-electronics", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "wx-chengxin",
        "title": "碳化硅功率模块封装中试线开放共享",
        "summary": "开放银烧结、铜线键合和转模塑封中试线，支持功率芯片企业完成模块样品试制和小批量验证。",
        "description": (
            "中试线具备从芯片贴装、烧结、键合到塑封、测试的完整工序，单批次最小投料20只。"
            "可支持HPD、DCM、TPAK及客户定制外形，提供工艺工程师驻线支持。"
            "样品可直接转入公司车规可靠性实验室进行考核。"
        ),
        "keywords": ["中试线", "碳化硅模块", "功率封装", "样品试制"],
        "kind": "test_line",
        "conditions": "面向具备自主芯片的功率器件企业和高校院所；需提供芯片规格书并签署技术保密协议，单个项目使用期不超过6个月。",
        "city": "无锡市",
        "industry": "3973",
        "chain_nodes": ["ic/adv-packaging", "nev/sic-device"],
        "status": "published",
    },
    {
        "org": "sz-pengyuan",
        "title": "智能终端电源管理与传感器芯片国产供应商招募",
        "summary": "面向快充协议、电池保护、DC-DC和MEMS传感器芯片征集国产供应商，年采购需求约3亿颗。",
        "description": (
            "本年度招募品类包括快充协议芯片、单节电池保护芯片、低静态电流DC-DC、六轴惯性传感器和气压传感器。"
            "入围企业将获得联合调试与整机验证机会，验证周期约4个月。"
            "通过整机验证的芯片可进入下一代手机和可穿戴平台的物料清单。"
        ),
        "keywords": ["国产替代", "电源管理芯片", "MEMS传感器", "供应商招募"],
        "kind": "supplier",
        "conditions": "申请企业需具备量产出货记录和ISO 9001认证，年供货能力不低于2000万颗；优先考虑国家级专精特新“小巨人”企业。",
        "city": "深圳市",
        "industry": "3922",
        "chain_nodes": ["ic/consumer", "ic/analog", "ic/sensor-chip"],
        "status": "published",
    },
    {
        "org": "sz-pengyuan",
        "title": "智能终端整机可靠性与EMC实验室",
        "summary": "开放跌落、滚筒、盐雾、高低温和辐射/传导EMC测试能力，支持配套企业整机级验证。",
        "description": (
            "实验室配置3米法电波暗室、ESD测试系统、跌落和滚筒试验机以及多温区环境箱。"
            "可按整机标准对芯片、模组和结构件进行整机级验证，并输出问题定位报告。"
        ),
        "keywords": ["整机可靠性", "EMC", "电波暗室", "消费电子"],
        "kind": "lab",
        "conditions": "面向公司在册及拟导入供应商开放，需签署保密协议；每家企业每季度可申请不超过40小时机时。",
        "city": "东莞市",
        "industry": "3922",
        "chain_nodes": ["ic/consumer"],
        "status": "published",
    },
    {
        "org": "hf-qingyuan",
        "title": "智能驾驶道路场景脱敏数据集",
        "summary": "开放10万公里城市与高速道路脱敏采集数据，含摄像头、激光雷达与毫米波雷达同步标注数据。",
        "description": (
            "数据集采集自合肥、上海、重庆等8个城市，覆盖雨雪、夜间、隧道和施工路段等长尾场景。"
            "包含约120万帧同步标注数据，标注类别42类，人脸和车牌已按国家标准完成脱敏处理。"
            "可用于感知算法训练、传感器融合验证和仿真场景构建。"
        ),
        "keywords": ["自动驾驶数据", "标注数据集", "激光雷达点云", "场景库"],
        "kind": "data",
        "conditions": "面向智能驾驶软硬件企业和高校院所，需签署数据使用协议，限于研发用途，不得出境或转授第三方。",
        "city": "合肥市",
        "industry": "3612",
        "chain_nodes": ["nev/adas", "nev/lidar"],
        "status": "published",
    },
    {
        "org": "hf-qingyuan",
        "title": "新能源整车热管理与电驱零部件本地化配套准入",
        "summary": "开放电子膨胀阀、电子水泵、扁线定子等28类零部件的一级和二级供应商准入评审。",
        "description": (
            "为提升长三角区域配套率，公司发布热管理和电驱系统零部件本地化清单，共28类零部件。"
            "准入流程包括资料审核、现场审核、样件试验和小批量装车验证，快速通道可在5个月内完成。"
            "通过评审的企业将进入新平台车型的定点比选。"
        ),
        "keywords": ["供应商准入", "热管理", "电驱零部件", "本地化配套"],
        "kind": "supplier",
        "conditions": "申请企业需通过IATF 16949认证，具备PPAP交付能力；安徽省内专精特新企业可申请快速评审通道。",
        "city": "合肥市",
        "industry": "3612",
        "chain_nodes": ["nev/thermal", "nev/motor", "nev/inverter"],
        "status": "published",
    },
    {
        "org": "hf-qingyuan",
        "title": "整车及三电系统EMC与环境可靠性实验室",
        "summary": "开放整车级电波暗室、三电零部件EMC和高低温、湿热、振动综合环境试验能力。",
        "description": (
            "实验室配置整车10米法电波暗室、零部件EMC暗室和四综合环境振动台。"
            "可开展CISPR 25、ISO 11452和GB/T 18655等标准测试，以及电池包和电驱的温湿振综合试验。"
        ),
        "keywords": ["EMC测试", "环境可靠性", "三电系统", "整车试验"],
        "kind": "lab",
        "conditions": "面向公司供应商和区域内新能源汽车零部件企业开放，按市场价七折收费；需提前两周预约。",
        "city": "合肥市",
        "industry": "3612",
        "chain_nodes": ["nev/passenger", "nev/pack", "nev/inverter"],
        "status": "published",
    },
    {
        "org": "nd-ningchuan",
        "title": "动力电池材料电芯级中试验证线",
        "summary": "开放方形电芯中试线，支持正负极、隔膜和电解液新材料在电芯层面的快速验证。",
        "description": (
            "中试线具备搅拌、涂布、辊压、叠片、注液和化成全工序，单批可制作20至200只方形电芯。"
            "提供电芯设计、制作和电性能测试一体化服务，新材料验证周期由约6个月缩短至2个月。"
            "验证数据可作为材料进入公司供应链的技术依据。"
        ),
        "keywords": ["电芯中试", "材料验证", "动力电池", "方形电芯"],
        "kind": "test_line",
        "conditions": "面向电池材料企业和高校院所开放，需提供材料理化检测报告并签署保密协议；专精特新企业首个验证项目免收制样费。",
        "city": "宁德市",
        "industry": "3841",
        "chain_nodes": ["nev/cell", "nev/cathode", "nev/anode", "nev/separator"],
        "status": "published",
    },
    {
        "org": "nd-ningchuan",
        "title": "储能电池运行工况脱敏数据集",
        "summary": "开放12座储能电站、约3万个电池模组三年运行的脱敏时序数据，用于电池健康与安全算法研究。",
        "description": (
            "数据包括电压、电流、温度、SOC和告警记录，采样间隔10秒，总量约18TB。"
            "所有电站位置和客户信息均已脱敏，配套数据字典和典型故障案例标签。"
        ),
        "keywords": ["电池大数据", "储能", "健康状态", "时序数据"],
        "kind": "data",
        "conditions": "面向从事BMS、电池健康诊断和储能运维的企业及科研机构，需提交研究方案并签署数据使用协议。",
        "city": "宁德市",
        "industry": "3841",
        "chain_nodes": ["nev/pack", "nev/bms"],
        "status": "pending_review",
    },
    {
        "org": "sy-beichen",
        "title": "国产数控系统与功能部件整机验证线",
        "summary": "提供10台五轴和卧式加工中心作为验证平台，开展国产数控系统、电主轴、丝杠导轨和转台上机验证。",
        "description": (
            "验证线配置五轴立式加工中心6台、卧式加工中心4台，可按验证需求更换数控系统和功能部件。"
            "按GB/T 17421和ISO 10791开展精度、切削和连续运行试验，单项目连续运行不少于1000小时。"
            "验证合格的产品可进入公司首台套配套目录。"
        ),
        "keywords": ["整机验证", "国产数控系统", "功能部件", "首台套"],
        "kind": "test_line",
        "conditions": "面向数控系统和功能部件企业开放，产品需已完成型式试验；单次验证周期3至6个月，需签署技术合作协议。",
        "city": "沈阳市",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/cnc-controller", "machine-tools/spindle", "machine-tools/ball-screw", "machine-tools/turret"],
        "status": "published",
    },
    {
        "org": "sy-beichen",
        "title": "五轴机床关键功能部件供应商准入",
        "summary": "征集电主轴、力矩电机转台、P1级滚珠丝杠和光栅尺供应商，年采购需求约2.6亿元。",
        "description": (
            "公司计划三年内将五轴机床国产功能部件配套率由45%提升至80%。"
            "本轮征集电主轴、双轴转台、滚珠丝杠、直线导轨和绝对式光栅尺等五类部件。"
            "入围企业将与整机研发团队联合设计接口并参与新机型开发。"
        ),
        "keywords": ["供应商准入", "功能部件", "五轴机床", "国产配套"],
        "kind": "supplier",
        "conditions": "申请企业需具备ISO 9001认证和批量供货业绩，核心指标需提供第三方检测报告；国家级专精特新“小巨人”企业优先。",
        "city": "沈阳市",
        "industry": "3421",
        "chain_nodes": ["machine-tools/spindle", "machine-tools/ball-screw", "machine-tools/turret"],
        "status": "published",
    },
    {
        "org": "jn-luwo",
        "title": "机床联网运行与故障数据开放平台",
        "summary": "开放约1.2万台联网机床的脱敏运行数据，涵盖主轴负载、报警记录和维修工单。",
        "description": (
            "平台汇集近五年设备运行、报警和维修数据，已按设备型号、行业和工况分类整理。"
            "提供API接口和沙箱计算环境，支持可靠性分析、预测性维护和工艺优化算法研发。"
        ),
        "keywords": ["机床大数据", "预测性维护", "工业互联网", "故障数据"],
        "kind": "data",
        "conditions": "面向工业软件企业、高校和科研院所开放，需签署数据安全协议，数据仅可在平台沙箱内使用。",
        "city": "济南市",
        "industry": "3421",
        "chain_nodes": ["machine-tools/five-axis", "machine-tools/cam-software"],
        "status": "published",
    },
    {
        "org": "bj-yanke",
        "title": "刻蚀与薄膜设备核心零部件国产化验证平台",
        "summary": "开放刻蚀与PVD工艺腔作为零部件验证平台，覆盖射频电源、真空阀门、静电卡盘和陶瓷部件。",
        "description": (
            "平台配置3台12英寸刻蚀设备和1台PVD设备作为验证机台，可进行零部件替换和马拉松测试。"
            "验证项目包括工艺匹配、颗粒、寿命和故障率，单项验证周期约3个月。"
            "通过验证的零部件将纳入公司设备物料清单。"
        ),
        "keywords": ["零部件国产化", "刻蚀设备", "验证平台", "供应商导入"],
        "kind": "supplier",
        "conditions": "面向半导体设备零部件企业开放，需提供产品图纸和材料证明并签署保密协议；同一品类每年最多受理5家。",
        "city": "北京市",
        "industry": "3562",
        "chain_nodes": ["ic/parts", "ic/etch-depo"],
        "status": "published",
    },
    {
        "org": "cq-yudong",
        "title": "电驱动总成NVH与耐久台架实验室",
        "summary": "开放半消声室NVH台架和双电机对拖耐久台架，最高转速25000rpm，支持800V系统测试。",
        "description": (
            "实验室配置半消声室电驱NVH台架2套、高速对拖台架4套和高低温环境舱。"
            "可开展效率MAP、温升、NVH和耐久循环测试，支持800V/600A高压系统。"
        ),
        "keywords": ["电驱测试", "NVH", "耐久台架", "800V"],
        "kind": "lab",
        "conditions": "面向电机、电控、减速器及零部件企业开放，需提前一个月预约；专精特新企业享受测试费用九折优惠。",
        "city": "重庆市",
        "industry": "3670",
        "chain_nodes": ["nev/motor", "nev/inverter", "nev/reducer"],
        "status": "published",
    },
    {
        "org": "dl-binhai",
        "title": "精密轴承寿命与可靠性试验中心",
        "summary": "开放主轴轴承、丝杠支撑轴承和电机轴承寿命试验，最高试验转速30000rpm。",
        "description": (
            "试验中心配置轴承寿命试验机60余台，可开展疲劳寿命、温升、振动和电腐蚀试验。"
            "具备CNAS认可资质，可出具第三方检测报告。"
        ),
        "keywords": ["轴承试验", "寿命试验", "可靠性", "CNAS"],
        "kind": "lab",
        "conditions": "面向机床功能部件和新能源汽车电机企业开放，需签署检测委托合同，按市场价八五折收费。",
        "city": "大连市",
        "industry": "3451",
        "chain_nodes": ["machine-tools/bearing", "machine-tools/spindle", "nev/motor"],
        "status": "published",
    },
    {
        "org": "cd-shuhang",
        "title": "航空结构件国产装备与刀具应用验证线",
        "summary": "开放3条航空钛合金与铝合金结构件加工单元，为国产五轴机床、数控系统和刀具提供批产验证。",
        "description": (
            "验证线以机匣、框梁和整体叶盘为典型零件，按航空产品质量体系开展首件鉴定和批产考核。"
            "验证内容包括加工精度、效率、刀具寿命和质量一致性，单项目验证不少于50件。"
        ),
        "keywords": ["航空结构件", "应用验证", "五轴机床", "钛合金加工"],
        "kind": "test_line",
        "conditions": "面向机床、数控系统和刀具企业开放，需具备相关产品的第三方检测报告，签署保密协议并接受质量体系审核。",
        "city": "成都市",
        "industry": "3744",
        "chain_nodes": ["machine-tools/aerospace", "machine-tools/five-axis", "machine-tools/cutting-tool"],
        "status": "published",
    },
    {
        "org": "cnev-ri",
        "title": "动力电池安全与热失控测试平台",
        "summary": "开放针刺、过充、加热触发热失控和电池包热扩散试验能力，配套气体成分在线分析。",
        "description": (
            "平台配置防爆试验舱、绝热加速量热仪（ARC）和电池包热扩散试验舱。"
            "可依据GB 38031、UL 9540A等标准开展测试，并提供热失控产气成分和温度场分析。"
        ),
        "keywords": ["热失控测试", "电池安全", "ARC", "热扩散"],
        "kind": "lab",
        "conditions": "面向电池材料、电芯、BMS和电池包企业开放；安徽省内中小企业可申请创新券抵扣50%测试费用。",
        "city": "合肥市",
        "industry": "7320",
        "chain_nodes": ["nev/cell", "nev/pack", "nev/separator"],
        "status": "published",
    },
    {
        "org": "yrd-icri",
        "title": "6英寸碳化硅功率器件中试线工艺开放",
        "summary": "开放高温离子注入、高温退火、栅氧和背面减薄等碳化硅关键工艺，支持器件企业快速流片。",
        "description": (
            "中试线具备6英寸碳化硅MOSFET和SBD的完整工艺能力，月投片能力约1500片。"
            "提供工艺模块单步加工、整套流片和工艺开发三种合作模式，单批最小投片5片。"
        ),
        "keywords": ["碳化硅中试线", "功率器件", "流片服务", "工艺开放"],
        "kind": "test_line",
        "conditions": "面向功率器件设计企业、设备材料企业和高校开放，需签署保密协议并提交工艺需求单；专精特新企业优先排期。",
        "city": "上海市",
        "industry": "7320",
        "chain_nodes": ["ic/power-device", "nev/sic-device"],
        "status": "published",
    },
]

# ---------------------------------------------------------------------------
# Items left waiting for an administrator, so the review queue has work in it
# ---------------------------------------------------------------------------

# Registered but not yet verified.
PENDING_ORGANIZATIONS = [
    {
        "key": "hz-xinrui",
        "name": "杭州芯锐传感技术有限公司",
        "kind": "sme",
        "province": "33",
        "city": "杭州市",
        "industry": "3983",
        "description": (
            "公司成立于2022年，员工约45人，专注MEMS压力与温湿度复合传感器的设计，"
            "产品面向汽车热管理和智能家电，目前处于小批量送样阶段。"
        ),
        "website": "https://www.xinrui-sensor.example.cn",
        "contact_name": "钱晓燕",
        "contact_phone": "0571-86921437",
        "contact_email": "bd@xinrui-sensor.example.cn",
        "qualification": None,
        "chain_nodes": ["ic/sensor-chip"],
    },
]

# Qualification claims submitted with a certificate but not yet checked.
PENDING_QUALIFICATIONS = [
    {"org": "qd-hanchong", "level": "provincial", "year": 2025, "batch": "第七批"},
]

# One demo login per role: username, display name, role label, organization key.
DEMO_ACCOUNTS = [
    {"username": "admin", "name": "王敏", "role": "Platform administrator", "org": None},
    {"username": "lead", "name": "周立群", "role": "Lead enterprise", "org": "sh-huazhun"},
    {"username": "large", "name": "刘建国", "role": "Large backbone enterprise", "org": "bj-yanke"},
    {"username": "sme", "name": "陈思远", "role": "SME, national little giant", "org": "sz-xince"},
    {"username": "university", "name": "林教授", "role": "University", "org": "jiangnan-tech"},
    {"username": "institute", "name": "赵研究员", "role": "Research institute", "org": "ecpmi"},
    {"username": "gov", "name": "顾晓峰", "role": "Government department (competitions, selections)",
     "org": "js-miit"},
    {"username": "expert", "name": "孙卫东", "role": "Expert", "org": None},
]

# The expert pool (the first is the demo login "expert").
EXPERTS = [
    {"username": "expert", "title": "教授级高级工程师", "affiliation": "华东集成电路产业研究院",
     "expertise": "功率半导体, 车规级芯片, 可靠性测试"},
    {"username": "expert-li", "name": "李慧敏", "title": "教授", "affiliation": "江南理工大学",
     "expertise": "动力电池, 电池管理系统, 热管理"},
    {"username": "expert-he", "name": "何振宇", "title": "研究员", "affiliation": "东北数控装备研究院",
     "expertise": "数控系统, 五轴加工, 精密测量"},
    {"username": "expert-xu", "name": "徐嘉", "title": "高级工程师", "affiliation": "长三角技术转移中心",
     "expertise": "技术转移, 知识产权评估, 成果转化"},
    {"username": "expert-ma", "name": "马晓峰", "title": "教授", "affiliation": "秦川工业大学",
     "expertise": "先进封装, 电子材料, 失效分析"},
    {"username": "expert-guo", "name": "郭雯", "title": "正高级工程师", "affiliation": "华南智能制造研究院",
     "expertise": "工业软件, 智能产线, 机器视觉"},
]
